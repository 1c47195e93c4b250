import type { TSupervisorFigures } from '../../contracts/realtime';
import type { TSql } from '../../infra/database';
import type { TActor } from '../auth/actor';
import { chatFigures, countByState, hotlineFigures, occupancy } from './figures.policy';
import { chatTallies, hotlineTallies } from './figures.repository';
import { callbackFigures } from './callback-figures.repository';
import type { TRoutingContext } from './routing.context';

/** Midnight in Vientiane (UTC+7, no daylight saving): supervisors watch "today". */
export function startOfDayVientiane(now: Date): Date {
  const offsetMs = 7 * 3600_000;
  const local = new Date(now.getTime() + offsetMs);
  local.setUTCHours(0, 0, 0, 0);
  return new Date(local.getTime() - offsetMs);
}

export async function supervisorFigures(
  ctx: TRoutingContext,
  sql: TSql,
  actor: Pick<TActor, 'role' | 'hotlines'>,
  since: Date,
): Promise<TSupervisorFigures> {
  const scope = actor.role === 'administrator' ? null : actor.hotlines;
  const [tallies, chats, callbacks, queues, agents] = await Promise.all([
    hotlineTallies(sql, since, scope),
    chatTallies(sql, since, scope),
    callbackFigures(sql, since, scope),
    ctx.queues.all(scope, Date.now()),
    ctx.presence.list((r) => !scope || r.hotlines.some((h) => scope.includes(h))),
  ]);
  const counts = countByState(agents.map((a) => a.state));
  return {
    since: since.toISOString(),
    scope: scope ? [...scope] : null,
    hotlines: tallies.map(hotlineFigures),
    chats: chats.map(chatFigures),
    callbacks,
    queues,
    counsellorsByState: counts,
    occupancy: occupancy(counts),
    counsellors: agents.map((a) => ({
      userId: a.userId,
      state: a.state,
      rejects: a.rejects,
      timeouts: a.timeouts,
    })),
  };
}
