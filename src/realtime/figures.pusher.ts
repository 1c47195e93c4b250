import type { Redis } from 'ioredis';
import { rooms } from '../contracts/realtime';
import type { TSql } from '../infra/database';
import { startOfDayVientiane, supervisorFigures } from '../modules/routing/figures.service';
import type { TRoutingContext } from '../modules/routing/routing.context';
import type { TIo } from './realtime.server';

/**
 * Pushes each hotline's live figures to its supervisors. One node does it per period (a short
 * Redis lock), so several API nodes do not send the same figures several times.
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
  for (const hotline of await deps.redis.smembers(`${deps.prefix}:hotlines`)) {
    const figures = await supervisorFigures(
      ctx,
      deps.sql,
      { role: 'supervisor', hotlines: [hotline] },
      since,
    );
    io.to(rooms.supervisorsOf(hotline)).emit('figures:updated', figures);
  }
}
