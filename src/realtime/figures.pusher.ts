import { routingKeyspace } from '../modules/routing/routing.keys';
import type { Redis } from 'ioredis';
import { rooms } from '../contracts/realtime';
import type { TSql } from '../infra/database';
import { startOfDayVientiane, supervisorFigures } from '../modules/routing/figures.service';
import type { TRoutingContext } from '../modules/routing/routing.context';
import type { TIo } from './realtime.server';

// Read together in one MGET, so under one Redis Cluster hash tag (the routing one, beside the
// hotlines set the routing scripts keep).
const watchedKey = (prefix: string, hotline: string) =>
  `${routingKeyspace(prefix)}:figures:watched:${hotline}`;
const SUPERVISORS_OF = rooms.supervisorsOf('');

/**
 * Tells every node which hotlines have a supervisor connected here, for two periods. Figures are
 * read from Postgres over the whole day, so nobody computes them for a hotline no one watches.
 */
export async function announceWatchedHotlines(
  io: TIo,
  deps: { redis: Redis; prefix: string; periodMs: number },
): Promise<void> {
  const watched = [...io.of('/').adapter.rooms.entries()]
    .filter(([room, sockets]) => room.startsWith(SUPERVISORS_OF) && sockets.size > 0)
    .map(([room]) => room.slice(SUPERVISORS_OF.length));
  if (!watched.length) return;
  const pipeline = deps.redis.pipeline();
  for (const hotline of watched)
    pipeline.set(watchedKey(deps.prefix, hotline), '1', 'PX', deps.periodMs * 2);
  await pipeline.exec();
}

/**
 * Pushes each watched hotline's live figures to its supervisors. One node does it per period (a
 * short Redis lock), so several API nodes do not send the same figures several times.
 */
export async function pushFigures(
  io: TIo,
  ctx: TRoutingContext,
  deps: { redis: Redis; sql: TSql; prefix: string; periodMs: number },
): Promise<void> {
  const lock = await deps.redis.set(
    `${deps.prefix}:figures:lock`,
    '1',
    'PX',
    deps.periodMs - 100,
    'NX',
  );
  if (lock !== 'OK') return;
  const since = startOfDayVientiane(new Date());
  const hotlines = await deps.redis.smembers(`${routingKeyspace(deps.prefix)}:hotlines`);
  if (!hotlines.length) return;
  const watched = await deps.redis.mget(hotlines.map((h) => watchedKey(deps.prefix, h)));
  for (const [i, hotline] of hotlines.entries()) {
    if (watched[i] === null) continue;
    const figures = await supervisorFigures(
      ctx,
      deps.sql,
      { role: 'supervisor', hotlines: [hotline] },
      since,
    );
    io.to(rooms.supervisorsOf(hotline)).emit('figures:updated', figures);
  }
}
