import type { TransactionSql } from 'postgres';
import type { TSql } from '../../infra/database';
import type { TCounsellorActivity } from './operations.policy';
import {
  operationsBounds,
  operationsData,
  type TGroupRow,
  type TOperationsData,
} from './operations.repository';
import { loadChatChannels } from './operations-channels.repository';
import {
  callHourCellsSql,
  callRollupSql,
  counsellorActivitySql,
  handleDayCellsSql,
  hourOf,
  laoDayOf,
  offerDayCellsSql,
  ROUTING_OFFER_KINDS,
} from './operations-sql.fragments';
import type { TPeriod } from './report-period.policy';
import type { TReportScope } from './report-filters';

const STATE_KEY = 'operations';
const TEXT_ARRAY = 1009; // hours travel as text and are cast in SQL
/**
 * Rows are stamped when their transaction wrote them, and routing events are written in batches
 * shortly after they happen: what changed this far before the last refresh is read again, and
 * routing events younger than this are not yet added to the sums (reads take them directly).
 */
const OVERLAP = '2 minutes';

export type TOperationsRefresh = { full: boolean; callHours: number; contactDays: number };

/**
 * Brings the operations aggregates (report_call_hours per hour, report_offer_days and
 * report_handle_days per Lao day) up to date, inside the caller's refresh transaction (which
 * holds the refresh lock). Calls are recomputed for every hour, contacts for every day, in which
 * one was written since the last refresh (a late status callback on an old call recomputes that
 * old hour) or deleted or moved (report_stale, filled by triggers); routing events, append-only,
 * are added once each in id order.
 */
export async function refreshOperationsAggregates(
  tx: TransactionSql,
  options: { full: boolean },
): Promise<TOperationsRefresh> {
  const [state] = await tx<Array<{ since: string; position: string | null }>>`
    select (watermark - ${OVERLAP}::interval)::text as since, position::text as position
    from report_refresh_state where key = ${STATE_KEY}`;
  const full = options.full || !state;
  const from = full ? '0' : (state.position ?? '0');
  const [settled] = await tx<Array<{ position: string }>>`
    select greatest(${from}::bigint, least(
      (select max(id) from call_events where id > ${from}::bigint and received_at < now() - ${OVERLAP}::interval),
      (select min(id) - 1 from call_events where id > ${from}::bigint and received_at >= now() - ${OVERLAP}::interval)
    ))::text as position`;
  const position = settled?.position ?? from;
  let result: TOperationsRefresh;
  if (full) {
    await tx`delete from report_call_hours`;
    await tx`delete from report_handle_days`;
    await tx`delete from report_offer_days`;
    await tx`delete from report_stale where kind in ('call-hour', 'contact-day')`;
    const calls = await tx`
      insert into report_call_hours ${callColumns(tx)} ${callHourCellsSql(tx, tx`true`)}`;
    const contacts = await tx`
      insert into report_handle_days ${handleColumns(tx)} ${handleDayCellsSql(tx, tx`true`)}`;
    result = { full, callHours: calls.count, contactDays: contacts.count };
  } else {
    const since = state.since;
    const [changed] = await tx<Array<{ calls: string[]; contacts: string[] }>>`
      with stale as (
        delete from report_stale where kind in ('call-hour', 'contact-day') returning kind, key
      )
      select
        array(select distinct h from (
          select ${hourOf(tx, tx`started_at`)} from calls where updated_at >= ${since}::timestamptz
          union all select key::timestamptz from stale where kind = 'call-hour') u(h))::text[] as calls,
        array(select distinct ${laoDayOf(tx, tx`occurred_at`)}::text from contacts
          where updated_at >= ${since}::timestamptz
          union select key from stale where kind = 'contact-day') as contacts`;
    const callHours = changed?.calls ?? [];
    const contactDays = changed?.contacts ?? [];
    if (callHours.length > 0) {
      const hours = tx.array(callHours, TEXT_ARRAY);
      await tx`delete from report_call_hours where hour = any(${hours}::timestamptz[])`;
      await tx`
        insert into report_call_hours ${callColumns(tx)} ${callHourCellsSql(
          tx,
          tx`true`,
          tx`unnest(${hours}::timestamptz[]) h(hour)
            join calls c on c.started_at >= h.hour and c.started_at < h.hour + interval '1 hour'`,
        )}`;
    }
    if (contactDays.length > 0) {
      const days = tx.array(contactDays, TEXT_ARRAY);
      // A Lao day's instants: midnight in Vientiane to the next.
      await tx`delete from report_handle_days where day = any(${days}::date[])`;
      await tx`
        insert into report_handle_days ${handleColumns(tx)} ${handleDayCellsSql(
          tx,
          tx`true`,
          tx`unnest(${days}::date[]) d(day)
            join contacts c on c.occurred_at >= d.day::timestamp at time zone 'Asia/Vientiane'
              and c.occurred_at < (d.day + 1)::timestamp at time zone 'Asia/Vientiane'`,
        )}`;
    }
    result = { full, callHours: callHours.length, contactDays: contactDays.length };
  }
  await addOffers(tx, from, position);
  await tx`
    insert into report_refresh_state (key, watermark, full_at, position)
    values (${STATE_KEY}, now(), now(), ${position}::bigint)
    on conflict (key) do update set watermark = now(), position = excluded.position,
      full_at = case when ${full} then now() else report_refresh_state.full_at end`;
  return result;
}

/**
 * Adds the routing events after `from` up to `position` to report_offer_days, under their
 * call's hotline now. Events already summed (up to `from`) are filed under their call's hotline
 * at the time: a call whose hotline was filled in later, or which was deleted (report_stale
 * 'call-offers'), has those moved to its hotline now (none: ''), so hotline filters stay exact.
 * One statement, so both see the calls as of the same instant.
 */
async function addOffers(tx: TransactionSql, from: string, position: string): Promise<void> {
  const kinds = tx.array([...ROUTING_OFFER_KINDS], TEXT_ARRAY);
  const emptied = await tx<
    Array<{ day: string; hotline: string; user_id: string; empty: boolean }>
  >`
    with stale as (
      delete from report_stale where kind = 'call-offers' returning key as call_sid, detail as old_hotline
    ), moved as (
      select ${laoDayOf(tx, tx`e.received_at`)} as day, coalesce(s.old_hotline, '') as old_hotline,
        coalesce(c.hotline, '') as new_hotline, e.payload->>'userId' as user_id,
        (e.kind = 'routing.offered')::int as offered, (e.kind = 'routing.accepted')::int as accepted,
        (e.kind = 'routing.rejected')::int as rejected, (e.kind = 'routing.offer-timeout')::int as timed_out
      from stale s join call_events e on e.call_sid = s.call_sid
      left join calls c on c.call_sid = s.call_sid
      where e.id <= ${from}::bigint and e.kind = any(${kinds}::text[])
        and e.payload->>'userId' is not null and coalesce(s.old_hotline, '') <> coalesce(c.hotline, '')
    ), deltas as (
      select day, old_hotline as hotline, user_id, -offered as offered, -accepted as accepted,
        -rejected as rejected, -timed_out as timed_out from moved
      union all select day, new_hotline, user_id, offered, accepted, rejected, timed_out from moved
      union all ${offerDayCellsSql(tx, tx`e.id > ${from}::bigint and e.id <= ${position}::bigint`)}
    ), added as (
    insert into report_offer_days (day, hotline, user_id, offered, accepted, rejected, timed_out)
    select day, hotline, user_id, sum(offered), sum(accepted), sum(rejected), sum(timed_out)
    from deltas group by 1, 2, 3
    on conflict (day, hotline, user_id) do update set
      offered = report_offer_days.offered + excluded.offered,
      accepted = report_offer_days.accepted + excluded.accepted,
      rejected = report_offer_days.rejected + excluded.rejected,
      timed_out = report_offer_days.timed_out + excluded.timed_out
    returning day, hotline, user_id, offered = 0 and accepted = 0 and rejected = 0
      and timed_out = 0 as empty
    )
    select day, hotline, user_id, empty from added where empty`;
  // A counsellor whose every offer moved away is no longer listed under that hotline.
  const gone = emptied.filter((r) => r.empty);
  if (gone.length > 0)
    await tx`delete from report_offer_days r
      using unnest(${tx.array(
        gone.map((g) => g.day),
        TEXT_ARRAY,
      )}::date[], ${tx.array(
        gone.map((g) => g.hotline),
        TEXT_ARRAY,
      )}::text[], ${tx.array(
        gone.map((g) => g.user_id),
        TEXT_ARRAY,
      )}::text[]) g(day, hotline, user_id)
      where r.day = g.day and r.hotline = g.hotline and r.user_id = g.user_id`;
}

const callColumns = (tx: TransactionSql) => tx`(hour, hotline, calls, queued, answered,
  answered_in_target, abandoned, short_abandoned, left_in_menu, after_call_asked, after_call_yes, after_call_no, after_hours, blocked, forwarded, callbacks,
  callbacks_placed, callback_wait, answer_wait, longest_wait)`;
const handleColumns = (tx: TransactionSql) =>
  tx`(day, hotline, counsellor_id, contacts, handle_seconds)`;

/** When the operations aggregates were last brought up to date, or null if never built. */
export async function operationsWatermark(sql: TSql): Promise<Date | null> {
  const [state] = await sql<Array<{ watermark: Date }>>`
    select watermark from report_refresh_state where key = ${STATE_KEY}`;
  return state?.watermark ?? null;
}

/**
 * The operations figures of a period of whole Lao days from the aggregates (chats, few, read
 * directly), plus the routing events not yet added to them (read directly, by id past the stored position). Gives
 * the cells of computeOperations (tests hold it to them).
 */
export async function readOperations(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
): Promise<TOperationsData> {
  const { start, end, hotlines } = operationsBounds(sql, period, scope);
  const inHotlines = sql`(${hotlines}::text[] is null or hotline = any(${hotlines}::text[]))`;
  const days = sql`day between ${period.from}::date and ${period.to}::date and ${inHotlines}`;
  const [groups, counsellors, chats] = await Promise.all([
    sql<TGroupRow[]>`${callRollupSql(
      sql,
      sql`select * from report_call_hours
        where hour >= ${start}::timestamptz and hour < ${end}::timestamptz and ${inHotlines}`,
    )}`,
    sql<TCounsellorActivity[]>`${counsellorActivitySql(
      sql,
      sql`select day, hotline, user_id, offered, accepted, rejected, timed_out
        from report_offer_days where ${days}
        union all ${offerDayCellsSql(
          sql,
          sql`e.id > coalesce((select position from report_refresh_state where key = ${STATE_KEY}), 0)
            and e.received_at >= ${start}::timestamptz and e.received_at < ${end}::timestamptz
            and (${hotlines}::text[] is null or c.hotline = any(${hotlines}::text[]))`,
        )}`,
      sql`select day, hotline, counsellor_id, contacts, handle_seconds
        from report_handle_days where ${days}`,
    )}`,
    loadChatChannels(sql, period, scope),
  ]);
  return operationsData(groups, counsellors, chats);
}
