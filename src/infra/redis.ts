import { Redis, type RedisOptions } from 'ioredis';

export type TRedisRole = 'command' | 'worker' | 'subscriber';

/**
 * Producers and request handlers fail fast when Redis is down (so a webhook can fall back);
 * BullMQ workers and pub/sub connections must retry forever (`maxRetriesPerRequest: null`).
 */
export function openRedis(url: string, role: TRedisRole = 'command'): Redis {
  const options: RedisOptions = {
    lazyConnect: false,
    connectTimeout: 2000,
    enableOfflineQueue: role !== 'command',
    maxRetriesPerRequest: role === 'command' ? 1 : null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
  return new Redis(url, options);
}

/** Resolves when the connection is ready, or after `timeoutMs` (callers then run degraded). */
export function redisReady(redis: Redis, timeoutMs = 5000): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    timer.unref();
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}
