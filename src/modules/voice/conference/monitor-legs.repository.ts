import type { Redis } from 'ioredis';

export type TMonitorMode = 'listen' | 'whisper' | 'barge';

/** A supervisor's one monitoring leg: which call, which leg, how it hears, where it rings. */
export type TMonitorLeg = { callSid: string; legSid: string; mode: TMonitorMode; to: string };

// A monitoring leg outlives no call by much; the record only has to outlive the call.
const LEG_TTL_MS = 6 * 3600_000;
// Long enough for one Twilio REST round trip; a crashed node's lock frees itself.
const LOCK_TTL_MS = 15_000;

/**
 * Each supervisor's current monitoring leg, so a second click changes the leg she has instead of
 * ringing her again, and a lock so two clicks at once cannot ring two legs.
 */
export function monitorLegsRepository(redis: Redis, prefix: string) {
  const key = (userId: string) => `${prefix}:monitor:${userId}`;
  const lockKey = (userId: string) => `${prefix}:monitor-lock:${userId}`;
  return {
    async get(userId: string): Promise<TMonitorLeg | null> {
      const raw = await redis.get(key(userId));
      return raw ? (JSON.parse(raw) as TMonitorLeg) : null;
    },
    async save(userId: string, leg: TMonitorLeg): Promise<void> {
      await redis.set(key(userId), JSON.stringify(leg), 'PX', LEG_TTL_MS);
    },
    async clear(userId: string): Promise<void> {
      await redis.del(key(userId));
    },
    /** True when this request may change her leg; false while another one is doing so. */
    async lock(userId: string): Promise<boolean> {
      return (await redis.set(lockKey(userId), '1', 'PX', LOCK_TTL_MS, 'NX')) === 'OK';
    },
    async unlock(userId: string): Promise<void> {
      await redis.del(lockKey(userId));
    },
  };
}
export type TMonitorLegsRepository = ReturnType<typeof monitorLegsRepository>;
