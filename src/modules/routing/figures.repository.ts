import type { TSql } from '../../infra/database';
import type { TChatTally, THotlineTally } from './figures.policy';

const ENDED = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];

/**
 * Tallies per hotline since `since`, from the durable records: calls (queue entry and exit) and
 * the routing steps in call_events. Nothing here depends on Redis, so figures survive its loss.
 */
export async function hotlineTallies(
  sql: TSql,
  since: Date,
  hotlines: readonly string[] | null,
): Promise<THotlineTally[]> {
  const rows = await sql<
    Array<{
      hotline: string;
      offered: number;
      answered: number;
      abandoned: number;
      short_abandoned: number;
      answered_20s: number;
      asa_sum: number | null;
      handle_sum: number | null;
      handled: number;
    }>
  >`
    with first_step as (
      select call_sid,
        min(received_at) filter (where kind = 'routing.offered') as offered_at,
        min(received_at) filter (where kind = 'routing.accepted') as answered_at,
        max(received_at) filter (where kind = 'routing.ended') as ended_at
      from call_events
      where kind in ('routing.offered', 'routing.accepted', 'routing.ended') and received_at >= ${since.toISOString()}::timestamptz
      group by call_sid
    )
    select c.hotline,
      count(f.offered_at)::int as offered,
      count(f.answered_at)::int as answered,
      count(*) filter (where f.answered_at is null and c.left_queue_at is not null
        and c.queue_result in ('hangup', 'leave'))::int as abandoned,
      count(*) filter (where f.answered_at is null and c.left_queue_at is not null
        and c.queue_result in ('hangup', 'leave')
        and c.left_queue_at - c.enqueued_at < interval '5 seconds')::int as short_abandoned,
      count(*) filter (where f.answered_at - c.enqueued_at <= interval '20 seconds')::int as answered_20s,
      sum(extract(epoch from f.answered_at - c.enqueued_at))::float8 as asa_sum,
      sum(extract(epoch from f.ended_at - f.answered_at))::float8 as handle_sum,
      count(f.ended_at) filter (where f.answered_at is not null)::int as handled
    from calls c left join first_step f on f.call_sid = c.call_sid
    where c.enqueued_at >= ${since.toISOString()}::timestamptz
      ${hotlines ? sql`and c.hotline in ${sql(hotlines as string[])}` : sql``}
    group by c.hotline
    order by c.hotline`;
  // Callers who hung up in the welcome or the language menu never entered the queue, so the
  // query above (queue entries) cannot see them; they are counted from when their call started.
  const menuRows = await sql<Array<{ hotline: string; left: number }>>`
    select hotline, count(*)::int as left
    from calls
    where started_at >= ${since.toISOString()}::timestamptz and direction = 'inbound'
      and route = 'ivr' and enqueued_at is null and status in ${sql(ENDED)}
      ${hotlines ? sql`and hotline in ${sql(hotlines as string[])}` : sql``}
    group by hotline`;
  const leftInMenu = new Map(menuRows.map((r) => [r.hotline, r.left]));
  const all = [...rows];
  for (const hotline of leftInMenu.keys())
    if (!all.some((r) => r.hotline === hotline))
      all.push({
        hotline,
        offered: 0,
        answered: 0,
        abandoned: 0,
        short_abandoned: 0,
        answered_20s: 0,
        asa_sum: null,
        handle_sum: null,
        handled: 0,
      });
  all.sort((a, b) => a.hotline.localeCompare(b.hotline));
  return all.map((r) => ({
    hotline: r.hotline,
    offered: r.offered,
    answered: r.answered,
    abandoned: r.abandoned,
    shortAbandoned: r.short_abandoned,
    leftInMenu: leftInMenu.get(r.hotline) ?? 0,
    answeredWithin20s: r.answered_20s,
    speedOfAnswerSumS: r.asa_sum ?? 0,
    handleSumS: r.handle_sum ?? 0,
    handled: r.handled,
  }));
}

/**
 * Chat tallies per hotline from the durable conversation records: waiting and active now, and
 * since `since` the first response of each chat (its arrival to the first reply a counsellor
 * wrote; automatic messages have no author and do not count).
 */
export async function chatTallies(
  sql: TSql,
  since: Date,
  hotlines: readonly string[] | null,
): Promise<TChatTally[]> {
  const scope = (column: string) =>
    hotlines ? sql`and ${sql(column)} in ${sql(hotlines as string[])}` : sql``;
  const [open, answered] = await Promise.all([
    sql<Array<{ hotline: string; waiting: number; oldest: string | Date | null; active: number }>>`
      select hotline,
        count(*) filter (where state in ('waiting', 'offered'))::int as waiting,
        min(started_at) filter (where state in ('waiting', 'offered')) as oldest,
        count(*) filter (where state = 'active')::int as active
      from chat_conversations
      where state in ('waiting', 'offered', 'active') ${scope('hotline')}
      group by hotline`,
    sql<Array<{ hotline: string; n: number; sum_s: number | null }>>`
      select c.hotline, count(*)::int as n,
        sum(greatest(0, extract(epoch from r.first_at - c.started_at)))::float8 as sum_s
      from chat_conversations c
      join lateral (
        select min(m.at) as first_at from chat_messages m
        where m.conversation_id = c.id and m.direction = 'outbound' and m.author_id is not null
      ) r on r.first_at is not null
      where c.started_at >= ${since.toISOString()}::timestamptz ${scope('c.hotline')}
      group by c.hotline`,
  ]);
  const byHotline = new Map<string, TChatTally>();
  const tally = (hotline: string) => {
    let t = byHotline.get(hotline);
    if (!t) {
      t = {
        hotline,
        waiting: 0,
        oldestWaitingSince: null,
        active: 0,
        firstResponses: 0,
        firstResponseSumS: 0,
      };
      byHotline.set(hotline, t);
    }
    return t;
  };
  for (const r of open)
    Object.assign(tally(r.hotline), {
      waiting: r.waiting,
      oldestWaitingSince: r.oldest === null ? null : new Date(r.oldest),
      active: r.active,
    });
  for (const r of answered)
    Object.assign(tally(r.hotline), { firstResponses: r.n, firstResponseSumS: r.sum_s ?? 0 });
  return [...byHotline.values()].sort((a, b) => a.hotline.localeCompare(b.hotline));
}
