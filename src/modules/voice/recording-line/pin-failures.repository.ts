import type { Redis } from 'ioredis';
import { PIN_FAILURE_WINDOW_S } from './recording-pin.policy';

/**
 * Wrong PINs per caller number (its keyed hash, never the number), over a sliding-ish window:
 * the counter lives PIN_FAILURE_WINDOW_S after the last failure.
 */
export function pinFailures(redis: Redis) {
  const key = (callerHash: string) => `recording-line:pin-failures:${callerHash}`;
  return {
    async count(callerHash: string): Promise<number> {
      return Number((await redis.get(key(callerHash))) ?? 0);
    },
    async add(callerHash: string): Promise<number> {
      const [[, n] = []] =
        (await redis
          .multi()
          .incr(key(callerHash))
          .expire(key(callerHash), PIN_FAILURE_WINDOW_S)
          .exec()) ?? [];
      return Number(n ?? 0);
    },
  };
}
