import { duplicateRedis } from '../../infra/redis';
import type { Redis } from 'ioredis';

/** Redis channel on which a saved hotline change tells every API node to drop its cached copy. */
export const hotlineSettingsChannel = (prefix: string) => `${prefix}:hotline-settings-changed`;

export async function announceHotlineChange(redis: Redis, prefix: string, number: string) {
  await redis.publish(hotlineSettingsChannel(prefix), number);
}

/**
 * Calls `onChange` with the hotline number whenever any node saves a change. Returns a stop
 * function. A lost message only delays the change until the cache's own expiry.
 */
export function onHotlineChange(
  redis: Redis,
  prefix: string,
  onChange: (number: string) => void,
): () => void {
  const sub = duplicateRedis(redis, 'subscriber');
  sub.on('error', () => {});
  sub.on('message', (_channel: string, number: string) => onChange(number));
  void sub.subscribe(hotlineSettingsChannel(prefix)).catch(() => {});
  return () => sub.disconnect();
}
