import type { Redis } from 'ioredis';

/**
 * Window counters in Redis, shared by every API node: a window opens at the first event of a key
 * and lasts `windowMs`; `hit` counts one event and answers whether it is still within `max`.
 */
export function webchatLimits(redis: Redis, prefix: string) {
  return {
    async hit(name: string, key: string, max: number, windowMs: number): Promise<boolean> {
      const redisKey = `${prefix}:webchat:rl:${name}:${key}`;
      const replies = (await redis
        .multi()
        .set(redisKey, 0, 'PX', windowMs, 'NX')
        .incr(redisKey)
        .exec()) as Array<[Error | null, unknown]>;
      return Number(replies[1]?.[1]) <= max;
    },
  };
}
export type TWebchatLimits = ReturnType<typeof webchatLimits>;
