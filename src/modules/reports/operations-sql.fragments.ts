import type { PendingQuery, Row } from 'postgres';
import type { TSqlTag } from './national-sql.fragments';
import { SERVICE_LEVEL_SECONDS, SHORT_ABANDON_SECONDS } from './operations.policy';

/**
 * SQL pieces shared by the direct operations query and the per-hour aggregate
 * (operations-aggregate.repository.ts), so both classify and sum calls in exactly one way.
 */
type TFragment = PendingQuery<Row[]>;

export const ROUTING_OFFER_KINDS = [
  'routing.offered',
  'routing.accepted',
  'routing.rejected',
  'routing.offer-timeout',
] as const;

/** The hour a timestamp falls in, as an instant (Lao time is UTC+7: whole hours). */
export const hourOf = (sql: TSqlTag, column: TFragment): TFragment =>
  sql`date_trunc('hour', ${column}, 'UTC')`;

/** The Lao calendar day a timestamp falls in. */
export const laoDayOf = (sql: TSqlTag, column: TFragment): TFragment =>
  sql`(${column} at time zone 'Asia/Vientiane')::date`;

/**
 * Inbound calls summed per hotline and hour started, for the calls `where` keeps (`c` is the
 * calls row, read from `from`). The outcome case is callOutcome() of operations.policy.ts in SQL.
 */
export function callHourCellsSql(
  sql: TSqlTag,
  where: TFragment,
  from: TFragment = sql`calls c`,
): TFragment {
  return sql`
    with cw as (
      select c.hotline, ${hourOf(sql, sql`c.started_at`)} as hour, c.callback_requested,
        c.enqueued_at is not null as queued,
        extract(epoch from coalesce(c.left_queue_at, c.ended_at) - c.enqueued_at) as wait,
        c.route, c.queue_result, c.after_call_asked_at is not null as asked, c.after_call_answer,
        -- Seconds from a press-1 call-back's request to the counsellor placing it (null: not yet).
        (select extract(epoch from cb.placed_at - cb.created_at) from callback_tasks cb
          where cb.call_sid = c.call_sid and cb.origin = 'requested' and cb.placed_at is not null)
          as callback_wait
      from ${from}
      where c.direction = 'inbound' and ${where}
    ), o as (
      select *, case
        when route = 'blocked' then 'blocked'
        when route like 'after-hours%' then 'after_hours'
        when route like '%fallback' then 'forwarded'
        when not queued then 'left_ivr'
        when queue_result in ('redirected', 'bridged') then 'answered'
        when coalesce(wait, 0) < ${SHORT_ABANDON_SECONDS} then 'short_abandoned'
        else 'abandoned' end as outcome
      from cw
    )
    select hour, hotline,
      count(*)::int as calls,
      (count(*) filter (where queued))::int as queued,
      (count(*) filter (where outcome = 'answered'))::int as answered,
      (count(*) filter (where outcome = 'answered' and wait <= ${SERVICE_LEVEL_SECONDS}))::int as answered_in_target,
      (count(*) filter (where outcome = 'abandoned'))::int as abandoned,
      (count(*) filter (where outcome = 'short_abandoned'))::int as short_abandoned,
      (count(*) filter (where outcome = 'left_ivr'))::int as left_in_menu,
      (count(*) filter (where asked))::int as after_call_asked,
      (count(*) filter (where after_call_answer = 'yes'))::int as after_call_yes,
      (count(*) filter (where after_call_answer = 'no'))::int as after_call_no,
      (count(*) filter (where outcome = 'after_hours'))::int as after_hours,
      (count(*) filter (where outcome = 'blocked'))::int as blocked,
      (count(*) filter (where outcome = 'forwarded'))::int as forwarded,
      (count(*) filter (where callback_requested))::int as callbacks,
      (count(*) filter (where callback_wait is not null))::int as callbacks_placed,
      coalesce(sum(callback_wait), 0)::numeric as callback_wait,
      coalesce(sum(wait) filter (where outcome = 'answered'), 0)::numeric as answer_wait,
      coalesce(max(wait) filter (where queued), 0)::float8 as longest_wait
    from o group by hour, hotline`;
}

/**
 * Per-hour call cells (`cells`: hour, hotline and the sums above) rolled up by hotline, Lao day,
 * Lao hour of day and in total: the rows loadOperations returns. A period without calls still
 * has its total row, of zeros.
 */
export function callRollupSql(sql: TSqlTag, cells: TFragment): TFragment {
  return sql`
    with cells as (
      select *, hour at time zone 'Asia/Vientiane' as local from (${cells}) x
    )
    select
      case when grouping(hotline) = 0 then 'hotline' when grouping(local::date) = 0 then 'day'
        when grouping(extract(hour from local)) = 0 then 'hour' else 'total' end as dim,
      coalesce(hotline, to_char(local::date, 'YYYY-MM-DD'),
        lpad(extract(hour from local)::int::text, 2, '0')) as key,
      coalesce(sum(calls), 0)::int as calls, coalesce(sum(queued), 0)::int as queued,
      coalesce(sum(answered), 0)::int as answered,
      coalesce(sum(answered_in_target), 0)::int as answered_in_target,
      coalesce(sum(abandoned), 0)::int as abandoned,
      coalesce(sum(short_abandoned), 0)::int as short_abandoned,
      coalesce(sum(left_in_menu), 0)::int as left_in_menu,
      coalesce(sum(after_call_asked), 0)::int as after_call_asked,
      coalesce(sum(after_call_yes), 0)::int as after_call_yes,
      coalesce(sum(after_call_no), 0)::int as after_call_no,
      coalesce(sum(after_hours), 0)::int as after_hours, coalesce(sum(blocked), 0)::int as blocked,
      coalesce(sum(forwarded), 0)::int as forwarded, coalesce(sum(callbacks), 0)::int as callbacks,
      coalesce(sum(callbacks_placed), 0)::int as callbacks_placed,
      coalesce(sum(callback_wait), 0)::float8 as callback_wait,
      coalesce(sum(answer_wait), 0)::float8 as answer_wait,
      coalesce(max(longest_wait), 0)::float8 as longest_wait
    from cells
    group by grouping sets ((hotline), (local::date), (extract(hour from local)), ())
    order by 1, 2`;
}

/**
 * Routing offers summed per Lao day received, hotline of the call and counsellor, for the events
 * `where` keeps (`e` is the call_events row).
 */
export function offerDayCellsSql(sql: TSqlTag, where: TFragment): TFragment {
  return sql`
    select ${laoDayOf(sql, sql`e.received_at`)} as day, coalesce(c.hotline, '') as hotline,
      e.payload->>'userId' as user_id,
      (count(*) filter (where e.kind = 'routing.offered'))::int as offered,
      (count(*) filter (where e.kind = 'routing.accepted'))::int as accepted,
      (count(*) filter (where e.kind = 'routing.rejected'))::int as rejected,
      (count(*) filter (where e.kind = 'routing.offer-timeout'))::int as timed_out
    from call_events e left join calls c on c.call_sid = e.call_sid
    where e.kind = any(${sql.array([...ROUTING_OFFER_KINDS], 1009)}::text[])
      and e.payload->>'userId' is not null and ${where}
    group by 1, 2, 3`;
}

/**
 * Contacts summed per Lao day, hotline and counsellor, for the contacts `where` keeps (`c`, read
 * from `from`).
 */
export function handleDayCellsSql(
  sql: TSqlTag,
  where: TFragment,
  from: TFragment = sql`contacts c`,
): TFragment {
  return sql`
    select ${laoDayOf(sql, sql`c.occurred_at`)} as day, c.hotline, c.counsellor_id::text as counsellor_id,
      count(*)::int as contacts, coalesce(sum(c.duration_seconds), 0)::bigint as handle_seconds
    from ${from}
    where c.counsellor_id is not null and ${where}
    group by 1, 2, 3`;
}

/**
 * Counsellor activity from offer cells (day, hotline, user_id, offered…) and handle cells (day,
 * hotline, counsellor_id, contacts, handle_seconds), already narrowed to the period and hotlines.
 */
export function counsellorActivitySql(
  sql: TSqlTag,
  offerCells: TFragment,
  handleCells: TFragment,
): TFragment {
  return sql`
    with offers as (
      select user_id, sum(offered)::int as offered, sum(accepted)::int as accepted,
        sum(rejected)::int as rejected, sum(timed_out)::int as timed_out
      from (${offerCells}) o group by user_id
    ), worked as (
      select counsellor_id as user_id, sum(contacts)::int as contacts,
        coalesce(sum(handle_seconds), 0)::float8 as handle_seconds
      from (${handleCells}) h group by counsellor_id
    )
    select coalesce(o.user_id, w.user_id) as key, coalesce(s.display_name, coalesce(o.user_id, w.user_id)) as name,
      coalesce(o.offered, 0) as offered, coalesce(o.accepted, 0) as accepted,
      coalesce(o.rejected, 0) as rejected, coalesce(o.timed_out, 0) as "timedOut",
      coalesce(w.contacts, 0) as contacts, coalesce(w.handle_seconds, 0) as "handleSeconds"
    from offers o full join worked w on w.user_id = o.user_id
    left join staff_users s on s.id::text = coalesce(o.user_id, w.user_id)
    order by name`;
}
