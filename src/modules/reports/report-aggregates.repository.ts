import type { TransactionSql } from 'postgres';
import type { TSql } from '../../infra/database';
import {
  refreshOperationsAggregates,
  type TOperationsRefresh,
} from './operations-aggregate.repository';
import { counsellingModeSql, serviceEventFactsSql } from './national-sql.fragments';
import { rebuildAllPeriodCells, refreshPeoplePeriodCells } from './period-cells.repository';

const REFRESH_LOCK = 736_209; // advisory-lock key: one refresh at a time across processes
const STATE_KEY = 'national';
const TEXT_ARRAY = 1009;
/**
 * Rows are stamped with their transaction's start time, so a transaction that began before the
 * last refresh may commit after it with an older stamp: changes are re-read this far back.
 */
const OVERLAP = '2 minutes';
const SERVICE_PEOPLE_COLUMNS = `event_id, person_id, given_on, ends_on, code, quantity,
  organisation_key, hotline, province_code, female, male, under18, identified_on, nationality`;
/** Past this many changed people an incremental pass costs about as much as a full one. */
const FULL_REBUILD_ABOVE = 50_000;

export type TRefreshResult = {
  full: boolean;
  people: number;
  days: number;
  /** Null when the caller asked for the national aggregates only. */
  operations: TOperationsRefresh | null;
};

/**
 * Brings the report aggregates (db/schema/report-aggregates.ts) up to date with the records:
 * `full` rebuilds them; otherwise only the people and days whose records changed since the last
 * refresh are recomputed, and the operations report's hours (operations-aggregate.repository.ts).
 * Deleted or moved records leave no stamp: triggers list them in report_stale for the next
 * refresh (the daily full rebuild remains a backstop). Returns null when another refresh holds the lock and `wait` is false.
 */
export async function refreshReportAggregates(
  sql: TSql,
  options: {
    full: boolean;
    wait: boolean;
    /** False: the national aggregates only (a national report need not wait for call hours). */
    operations?: boolean;
  },
): Promise<TRefreshResult | null> {
  return sql.begin(async (tx) => {
    if (options.wait) await tx`select pg_advisory_xact_lock(${REFRESH_LOCK})`;
    else {
      const [locked] = await tx<Array<{ ok: boolean }>>`
        select pg_try_advisory_xact_lock(${REFRESH_LOCK}) as ok`;
      if (!locked?.ok) return null;
    }
    // A full rebuild reads every record: no statement limit, memory to hash instead of sorting.
    await tx`set local statement_timeout = 0`;
    await tx`set local work_mem = '128MB'`;
    const [state] = await tx<Array<{ since: string }>>`
      select (watermark - ${OVERLAP}::interval)::text as since from report_refresh_state where key = ${STATE_KEY}`;
    // Aggregates built before the quarter cells existed have person-years but no person-quarters:
    // an incremental pass would fill quarters for changed people only, so rebuild them all once.
    const [unbuilt] = await tx<Array<{ quarters: boolean }>>`
      select exists(select 1 from report_person_years)
        and not exists(select 1 from report_person_quarters) as quarters`;
    const full = options.full || !state || unbuilt?.quarters === true;
    let result: Omit<TRefreshResult, 'operations'>;
    if (full) {
      await tx`delete from report_person_months`;
      await tx`delete from report_session_days`;
      await tx`delete from report_session_province_days`;
      await tx`delete from report_stale where kind in ('person', 'day')`;
      await tx`delete from report_service_people`;
      await insertServicePeople(tx, null);
      const people = await rebuildAllPeriodCells(tx);
      await insertPersonMonths(tx, null);
      const days = await insertSessionDays(tx, null);
      await insertSessionProvinceDays(tx, null);
      result = { full, people, days };
    } else {
      const since = state.since;
      // Deleted or moved records are listed by triggers (db/sql/0002_report_stale.sql).
      const [changed] = await tx<Array<{ ids: string[]; days: string[] }>>`
        with stale as (delete from report_stale where kind in ('person', 'day') returning kind, key)
        select array(${changedPeopleSql(tx, since)}
            union select key::uuid from stale where kind = 'person') as ids,
          array(select distinct (occurred_at at time zone 'Asia/Vientiane')::date::text from contacts
            where updated_at >= ${since}::timestamptz
            union select key from stale where kind = 'day') as days`;
      const ids = changed?.ids ?? [];
      const days = changed?.days ?? [];
      if (ids.length > FULL_REBUILD_ABOVE) {
        await tx`delete from report_person_months`;
        await tx`delete from report_service_people`;
        await insertServicePeople(tx, null);
        await rebuildAllPeriodCells(tx);
        await insertPersonMonths(tx, null);
      } else if (ids.length > 0) {
        const idArray = tx.array(ids, TEXT_ARRAY);
        await tx`delete from report_service_people where person_id = any(${idArray}::uuid[])`;
        await tx`delete from report_person_months where person_id = any(${idArray}::uuid[])`;
        await insertServicePeople(tx, ids);
        await refreshPeoplePeriodCells(tx, ids);
        await insertPersonMonths(tx, ids);
      }
      if (days.length > 0) {
        await tx`delete from report_session_days where day = any(${tx.array(days, TEXT_ARRAY)}::date[])`;
        await insertSessionDays(tx, days);
      }
      // Sessions by province also change with their people's province or hotline.
      const [personDays] =
        ids.length > 0
          ? await tx<Array<{ days: string[] }>>`
            select array(select distinct (c.occurred_at at time zone 'Asia/Vientiane')::date::text
              from case_people cp join contacts c on c.case_id = cp.case_id
              where cp.person_id = any(${tx.array(ids, TEXT_ARRAY)}::uuid[])) as days`
          : [{ days: [] }];
      const provinceDays = [...new Set([...days, ...(personDays?.days ?? [])])];
      if (provinceDays.length > 0) {
        await tx`delete from report_session_province_days
          where day = any(${tx.array(provinceDays, TEXT_ARRAY)}::date[])`;
        await insertSessionProvinceDays(tx, provinceDays);
      }
      result = { full, people: ids.length, days: days.length };
    }
    await tx`
      insert into report_refresh_state (key, watermark, full_at) values (${STATE_KEY}, now(), now())
      on conflict (key) do update set watermark = now(),
        full_at = case when ${full} then now() else report_refresh_state.full_at end`;
    const operations =
      options.operations === false
        ? null
        : await refreshOperationsAggregates(tx, { full: options.full });
    return { ...result, operations };
  });
}

/** When the aggregates were last brought up to date, or null if they were never built. */
export async function aggregatesWatermark(sql: TSql): Promise<Date | null> {
  const [state] = await sql<Array<{ watermark: Date }>>`
    select watermark from report_refresh_state where key = ${STATE_KEY}`;
  return state?.watermark ?? null;
}

/** People whose statistical facts may have changed: their record, case links, contacts, services. */
function changedPeopleSql(tx: TransactionSql, since: string) {
  return tx`
    select id from people where updated_at >= ${since}::timestamptz
    union select person_id from case_people where updated_at >= ${since}::timestamptz
    union select cp.person_id from contacts c join case_people cp on cp.case_id = c.case_id
      where c.updated_at >= ${since}::timestamptz
    union select r.person_id from ticket_services ts
      join tickets t on t.id = ts.ticket_id join referrals r on r.id = t.referral_id
      where ts.updated_at >= ${since}::timestamptz and r.person_id is not null
    union select cp.person_id from ticket_services ts join case_people cp on cp.case_id = ts.case_id
      where ts.updated_at >= ${since}::timestamptz
    union select person_id from ticket_services
      where updated_at >= ${since}::timestamptz and person_id is not null`;
}

/**
 * The service events of the given people (null: everyone) with their facts. Only the events that
 * can count for them are joined: theirs by name, those on their cases, those on their referrals.
 */
async function insertServicePeople(tx: TransactionSql, ids: string[] | null): Promise<void> {
  const into = tx`insert into report_service_people (${tx.unsafe(SERVICE_PEOPLE_COLUMNS)})
    select ${tx.unsafe(SERVICE_PEOPLE_COLUMNS)}`;
  if (ids === null) {
    await tx`${into} from (${serviceEventFactsSql(tx)}) x`;
    return;
  }
  const idArray = tx.array(ids, TEXT_ARRAY);
  await tx`${into} from (${serviceEventFactsSql(
    tx,
    tx`(ts.person_id = any(${idArray}::uuid[])
        or ts.case_id in (select case_id from case_people where person_id = any(${idArray}::uuid[]))
        or ts.ticket_id in (select t.id from tickets t join referrals r on r.id = t.referral_id
          where r.person_id = any(${idArray}::uuid[])))`,
  )}) x
    where x.person_id = any(${idArray}::uuid[])`;
}

/**
 * One row per person and Lao calendar month with a contact about them (other parties aside), for
 * the given people (null: everyone): the contact facts the direct query (reports.repository.ts)
 * derives for a period, month by month.
 */
async function insertPersonMonths(tx: TransactionSql, ids: string[] | null): Promise<void> {
  const only =
    ids === null ? tx`true` : tx`cp.person_id = any(${tx.array(ids, TEXT_ARRAY)}::uuid[])`;
  await tx`
    insert into report_person_months (month, person_id, contact_hotlines, modes, hotline_modes,
      hotline, residence_province_code, sex, under18_at_identification, victim_status,
      identification_date, first_contact_at)
    select m.*, pe.hotline, pe.residence_province_code, pe.sex, pe.under18_at_identification,
      pe.victim_status, pe.identification_date, pe.first_contact_at
    from (
      select month, person_id, array_agg(distinct hotline),
        coalesce(array_agg(distinct mode) filter (where mode is not null), '{}'),
        coalesce(array_agg(distinct mode || ':' || hotline) filter (where mode is not null), '{}')
      from (
        select cp.person_id, date_trunc('month', c.occurred_at at time zone 'Asia/Vientiane')::date as month,
          c.hotline, ${counsellingModeSql(tx)} as mode
        from contacts c
        join case_people cp on cp.case_id = c.case_id and cp.role <> 'other_party'
        where ${only}
      ) cf
      group by month, person_id
    ) m
    join people pe on pe.id = m.person_id`;
}

/**
 * Counselling sessions per Lao day, hotline, mode and province of the people they were about
 * (with those people's hotlines), for the given days (null: every day), each day's contacts read
 * through the index on occurred_at.
 */
async function insertSessionProvinceDays(tx: TransactionSql, days: string[] | null): Promise<void> {
  const from =
    days === null
      ? tx`contacts c`
      : tx`unnest(${tx.array(days, TEXT_ARRAY)}::date[]) d(day)
        join contacts c on c.occurred_at >= d.day::timestamp at time zone 'Asia/Vientiane'
          and c.occurred_at < (d.day + 1)::timestamp at time zone 'Asia/Vientiane'`;
  await tx`
    insert into report_session_province_days (day, hotline, mode, province_code, person_hotlines, sessions)
    select day, hotline, mode, province_code, person_hotlines, count(*)::int from (
      select s.id, s.day, s.hotline, s.mode, pe.residence_province_code as province_code,
        array_agg(distinct pe.hotline order by pe.hotline) as person_hotlines
      from (
        select c.id, c.case_id, (c.occurred_at at time zone 'Asia/Vientiane')::date as day, c.hotline,
          ${counsellingModeSql(tx)} as mode
        from ${from}
      ) s
      join case_people cp on cp.case_id = s.case_id and cp.role <> 'other_party'
      join people pe on pe.id = cp.person_id
      where s.mode is not null and pe.residence_province_code is not null
      group by s.id, s.day, s.hotline, s.mode, pe.residence_province_code
    ) x
    group by 1, 2, 3, 4, 5`;
}

/**
 * Counselling sessions per Lao day, hotline and mode, for the given days (null: every day), each
 * day's contacts read through the index on occurred_at (a few changed days far apart must not
 * read every contact between them).
 */
async function insertSessionDays(tx: TransactionSql, days: string[] | null): Promise<number> {
  const from =
    days === null
      ? tx`contacts c`
      : tx`(select distinct day from unnest(${tx.array(days, TEXT_ARRAY)}::date[]) day) d
        join contacts c on c.occurred_at >= d.day::timestamp at time zone 'Asia/Vientiane'
          and c.occurred_at < (d.day + 1)::timestamp at time zone 'Asia/Vientiane'`;
  const inserted = await tx`
    insert into report_session_days (day, hotline, mode, sessions)
    select day, hotline, mode, count(*)::int from (
      select (c.occurred_at at time zone 'Asia/Vientiane')::date as day, c.hotline,
        ${counsellingModeSql(tx)} as mode
      from ${from}
    ) s
    where mode is not null
    group by 1, 2, 3`;
  return inserted.count;
}
