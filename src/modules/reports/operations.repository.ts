import type { TSql } from '../../infra/database';
import {
  emptyGroup,
  SERVICE_LEVEL_SECONDS,
  SHORT_ABANDON_SECONDS,
  type TCallGroup,
  type TCounsellorActivity,
} from './operations.policy';
import { periodInstants, type TPeriod } from './report-period.policy';
import type { TReportScope } from './report-filters';

type TGroupRow = {
  dim: 'hotline' | 'day' | 'hour' | 'total';
  key: string | null;
  calls: number;
  queued: number;
  answered: number;
  answered_in_target: number;
  abandoned: number;
  short_abandoned: number;
  after_hours: number;
  blocked: number;
  forwarded: number;
  callbacks: number;
  answer_wait: number;
  longest_wait: number;
};

export type TOperationsData = {
  byHotline: TCallGroup[];
  byDay: TCallGroup[];
  byHour: TCallGroup[];
  counsellors: TCounsellorActivity[];
};

/**
 * Operations figures from `calls` (one row per inbound call), the routing steps in `call_events`
 * and `contacts`. The outcome case below is callOutcome() of operations.policy.ts in SQL. Reads
 * no encrypted column; counsellors are named by their staff display name.
 */
export async function loadOperations(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
): Promise<TOperationsData> {
  const instants = periodInstants(period);
  const start = instants.start.toISOString();
  const end = instants.end.toISOString();
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  // A year of calls: enough memory to hash the groups instead of sorting them.
  const [groups, counsellors] = await sql.begin(async (tx) => {
    await tx`set local work_mem = '64MB'`;
    return Promise.all([
      tx<TGroupRow[]>`
      with c as (
        select hotline, started_at at time zone 'Asia/Vientiane' as local, callback_requested,
          enqueued_at is not null as queued,
          extract(epoch from coalesce(left_queue_at, ended_at) - enqueued_at) as wait,
          route, queue_result
        from calls
        where started_at >= ${start}::timestamptz and started_at < ${end}::timestamptz
          and direction = 'inbound'
          and (${hotlines}::text[] is null or hotline = any(${hotlines}::text[]))
      ), o as (
        select *, case
          when route = 'blocked' then 'blocked'
          when route like 'after-hours%' then 'after_hours'
          when route like '%fallback' then 'forwarded'
          when not queued then 'left_ivr'
          when queue_result in ('redirected', 'bridged') then 'answered'
          when coalesce(wait, 0) < ${SHORT_ABANDON_SECONDS} then 'short_abandoned'
          else 'abandoned' end as outcome
        from c
      ), cells as (
        select hotline, local::date as day, extract(hour from local)::int as hour,
          count(*) as calls,
          count(*) filter (where queued) as queued,
          count(*) filter (where outcome = 'answered') as answered,
          count(*) filter (where outcome = 'answered' and wait <= ${SERVICE_LEVEL_SECONDS}) as answered_in_target,
          count(*) filter (where outcome = 'abandoned') as abandoned,
          count(*) filter (where outcome = 'short_abandoned') as short_abandoned,
          count(*) filter (where outcome = 'after_hours') as after_hours,
          count(*) filter (where outcome = 'blocked') as blocked,
          count(*) filter (where outcome = 'forwarded') as forwarded,
          count(*) filter (where callback_requested) as callbacks,
          coalesce(sum(wait) filter (where outcome = 'answered'), 0) as answer_wait,
          coalesce(max(wait) filter (where queued), 0) as longest_wait
        from o group by 1, 2, 3
      )
      -- Calls are first summed per hotline, day and hour, then those few thousand cells rolled up.
      select
        case when grouping(hotline) = 0 then 'hotline' when grouping(day) = 0 then 'day'
          when grouping(hour) = 0 then 'hour' else 'total' end as dim,
        coalesce(hotline, to_char(day, 'YYYY-MM-DD'), lpad(hour::text, 2, '0')) as key,
        sum(calls)::int as calls, sum(queued)::int as queued, sum(answered)::int as answered,
        sum(answered_in_target)::int as answered_in_target, sum(abandoned)::int as abandoned,
        sum(short_abandoned)::int as short_abandoned, sum(after_hours)::int as after_hours,
        sum(blocked)::int as blocked, sum(forwarded)::int as forwarded, sum(callbacks)::int as callbacks,
        sum(answer_wait)::float8 as answer_wait, max(longest_wait)::float8 as longest_wait
      from cells
      group by grouping sets ((hotline), (day), (hour), ())
      order by 1, 2`,
      tx<Array<TCounsellorActivity & { key: string }>>`
      with ev as (
        select e.payload->>'userId' as user_id, e.kind
        from call_events e
        where e.received_at >= ${start}::timestamptz and e.received_at < ${end}::timestamptz
          and e.kind in ('routing.offered', 'routing.accepted', 'routing.rejected', 'routing.offer-timeout')
          and (${hotlines}::text[] is null
            or e.call_sid in (select call_sid from calls where hotline = any(${hotlines}::text[])))
      ), offers as (
        select user_id,
          (count(*) filter (where kind = 'routing.offered'))::int as offered,
          (count(*) filter (where kind = 'routing.accepted'))::int as accepted,
          (count(*) filter (where kind = 'routing.rejected'))::int as rejected,
          (count(*) filter (where kind = 'routing.offer-timeout'))::int as timed_out
        from ev where user_id is not null group by user_id
      ), worked as (
        select counsellor_id::text as user_id, count(*)::int as contacts,
          coalesce(sum(duration_seconds), 0)::float8 as handle_seconds
        from contacts
        where occurred_at >= ${start}::timestamptz and occurred_at < ${end}::timestamptz
          and counsellor_id is not null
          and (${hotlines}::text[] is null or hotline = any(${hotlines}::text[]))
        group by counsellor_id
      )
      select coalesce(o.user_id, w.user_id) as key, coalesce(s.display_name, coalesce(o.user_id, w.user_id)) as name,
        coalesce(o.offered, 0) as offered, coalesce(o.accepted, 0) as accepted,
        coalesce(o.rejected, 0) as rejected, coalesce(o.timed_out, 0) as "timedOut",
        coalesce(w.contacts, 0) as contacts, coalesce(w.handle_seconds, 0) as "handleSeconds"
      from offers o full join worked w on w.user_id = o.user_id
      left join staff_users s on s.id::text = coalesce(o.user_id, w.user_id)
      order by name`,
    ]);
  });
  const pick = (dim: TGroupRow['dim']) => groups.filter((g) => g.dim === dim).map(toGroup);
  return {
    byHotline: [...pick('hotline'), ...pick('total').map((g) => ({ ...g, key: 'total' }))],
    byDay: pick('day'),
    byHour: pick('hour'),
    counsellors: [...counsellors],
  };
}

function toGroup(r: TGroupRow): TCallGroup {
  return {
    ...emptyGroup(),
    key: r.key ?? 'total',
    calls: r.calls,
    queued: r.queued,
    answered: r.answered,
    answeredInTarget: r.answered_in_target,
    abandoned: r.abandoned,
    shortAbandoned: r.short_abandoned,
    afterHours: r.after_hours,
    blocked: r.blocked,
    forwarded: r.forwarded,
    callbacks: r.callbacks,
    answerWaitSeconds: r.answer_wait,
    longestWaitSeconds: Math.round(r.longest_wait),
  };
}
