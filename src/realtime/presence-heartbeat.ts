import type { Redis } from 'ioredis';
import type { TConfig } from '../config/config';
import type { TSql } from '../infra/database';
import { heartbeatAndReleaseStale } from '../modules/routing/presence/presence.service';
import type { TRoutingContext } from '../modules/routing/routing.context';
import { announceWatchedHotlines, pushFigures } from './figures.pusher';
import type { TIo } from './realtime.server';
import { closeEndedSessions } from './session-sweep';

const HEARTBEAT_MS = 5_000;
const STALE_AFTER_MS = 20_000;

/**
 * This node's heartbeat: its counsellors are seen (those of a crashed node are released), its
 * sockets whose session ended are closed, and supervisors' live figures go out.
 */
export function startPresenceHeartbeat(deps: {
  io: TIo;
  routing: TRoutingContext;
  config: TConfig;
  redis: Redis;
  sql: TSql;
  onError: (err: unknown) => void;
}): { stop(): Promise<void> } {
  const { io, routing, config, redis } = deps;
  let closing = false;
  // The heartbeat in flight, if any: closing waits for it, as its figures go out through the
  // Socket.IO Redis adapter, whose publish fails unhandled once the adapter's client is closed.
  let beating: Promise<void> | null = null;
  const heartbeat = setInterval(() => {
    if (beating) return;
    const here = new Set([...io.of('/').sockets.values()].map((s) => s.data.actor.userId));
    beating = (async () => {
      await heartbeatAndReleaseStale(routing, [...here], STALE_AFTER_MS);
      await closeEndedSessions(io, { config, redis });
      const figures = { redis, prefix: config.REDIS_PREFIX, periodMs: HEARTBEAT_MS };
      await announceWatchedHotlines(io, figures);
      if (!closing) await pushFigures(io, routing, { ...figures, sql: deps.sql });
    })()
      .catch(deps.onError)
      .finally(() => {
        beating = null;
      });
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    async stop() {
      closing = true;
      clearInterval(heartbeat);
      await beating;
    },
  };
}
