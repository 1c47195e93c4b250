import type { Redis } from 'ioredis';
import type { TConfig } from '../config/config';
import { liveSessionDigests } from '../modules/auth/session.repository';
import type { TIo } from './realtime.server';

/**
 * Closes this node's sockets whose session is gone from Redis: sessions expire (idle or
 * absolute) by key TTL, with no event, so an idle console is caught here on the heartbeat
 * rather than only at its next event.
 */
export async function closeEndedSessions(
  io: TIo,
  deps: {
    redis: Redis;
    config: Pick<TConfig, 'REDIS_PREFIX' | 'SESSION_IDLE_MINUTES' | 'SESSION_MAX_HOURS'>;
  },
): Promise<void> {
  const sockets = [...io.of('/').sockets.values()];
  const live = await liveSessionDigests(deps, [
    ...new Set(sockets.map((s) => s.data.sessionDigest)),
  ]);
  for (const socket of sockets) if (!live.has(socket.data.sessionDigest)) socket.disconnect(true);
}
