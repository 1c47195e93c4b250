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
