import type { PendingQuery, Row, TransactionSql } from 'postgres';
import type { TSql } from '../../infra/database';
import {
  counsellingModeKeys,
  modeChannels,
  nonCounsellingContactTypes,
} from './counselling-mode.policy';
import { essentialServices, OTHER_SERVICE, otherServices } from './report-labels';

/**
 * SQL pieces shared by the direct national query (reports.repository.ts) and the aggregate
 * refresh (report-aggregates.repository.ts), so both map the stored records to the rules of
 * national-statistics.policy.ts in exactly one way.
 */
type TFragment = PendingQuery<Row[]>;
/** The pool or a transaction: fragments are built with whichever runs the statement. */
export type TSqlTag = TSql | TransactionSql;
const TEXT_ARRAY = 1009;

/** A contact's counselling mode (counsellingModeOf in SQL); `c` is the contacts row. */
export function counsellingModeSql(sql: TSqlTag): TFragment {
  const channels = (list: readonly string[]) => sql.array([...list], TEXT_ARRAY);
  const whens = counsellingModeKeys.map(
    (mode) => sql`when c.channel = any(${channels(modeChannels[mode])}::text[]) then ${mode}`,
  );
  return sql`case when c.contact_type <> all(${sql.array([...nonCounsellingContactTypes], TEXT_ARRAY)}::text[])
    then case ${joinFragments(sql, whens, sql` `)} end end`;
}

/** The fragments one after another, `separator` between them. */
export function joinFragments(
  sql: TSqlTag,
  parts: readonly TFragment[],
  separator: TFragment,
): TFragment {
  return parts.reduce<TFragment | null>(
    (all, part) => (all === null ? part : sql`${all}${separator}${part}`),
    null,
  ) as TFragment;
}

/** The people_in column saying a person was counselled in `mode` in the period (m_hotline…). */
export const modeColumn = (mode: string): string => `m_${mode}`;

/** `column` per mode, for the people_in and pp CTEs (names are constants, never input). */
export function modeColumnsSql(sql: TSqlTag, column: (mode: string) => TFragment): TFragment {
  return joinFragments(
    sql,
    counsellingModeKeys.map((mode) => sql`${column(mode)} as ${sql.unsafe(modeColumn(mode))}`),
    sql`, `,
  );
}

/** Whether a people_in row was counselled in any mode. */
export function counselledInAnyModeSql(sql: TSqlTag): TFragment {
  return sql.unsafe(`(${counsellingModeKeys.map(modeColumn).join(' or ')})`);
}

/** The services row a recorded service counts under (serviceRowKey in SQL); `ts` is the row. */
export function serviceKindSql(sql: TSqlTag, code: TFragment = sql`ts.service`): TFragment {
  const known = [...essentialServices.keys(), ...otherServices.keys()];
  return sql`case when ${code} = any(${sql.array(known, TEXT_ARRAY)}::text[]) then ${code}
    else ${OTHER_SERVICE} end`;
}

/**
 * Service events, with the person they count for: the person staff named, the referral's person,
 * or the victims on the case when neither was named. Columns: person_id, given_on, kind (the
 * services-table row), code, event_id, quantity, ends_on, organisation_key (who gave it).
 * `only` narrows the events (`ts`) first.
 */
export function givenServicesSql(sql: TSqlTag, only: TFragment = sql`true`): TFragment {
  return sql`select coalesce(ts.person_id, r.person_id, cp.person_id) as person_id, ts.given_on,
      ${serviceKindSql(sql)} as kind, ts.service as code, ts.id as event_id, ts.quantity, ts.ends_on,
      coalesce(ts.organisation_key, t.organisation_key) as organisation_key
    from ticket_services ts
    left join tickets t on t.id = ts.ticket_id
    left join referrals r on r.id = t.referral_id
    left join case_people cp on ts.person_id is null and r.person_id is null and cp.case_id = ts.case_id
      and cp.role in ('victim', 'possible_victim')
    where ${only}`;
}

/**
 * Service events with the facts of the person each counts for, in the columns of
 * report_service_people (the aggregate stores exactly this; the reports read either).
 */
export function serviceEventFactsSql(sql: TSqlTag, only: TFragment = sql`true`): TFragment {
  return sql`select g.event_id, g.person_id, g.given_on, g.ends_on, g.code, g.quantity,
      g.organisation_key, pe.hotline, pe.residence_province_code as province_code,
      pe.sex = 'female' as female, pe.sex = 'male' as male,
      pe.under18_at_identification is true as under18,
      case when pe.victim_status = 'identified' then pe.identification_date end as identified_on,
      case when 'LA' = any(pe.nationalities) then 'LA' else coalesce(pe.nationalities[1], 'unknown') end
        as nationality
    from (${givenServicesSql(sql, only)}) g join people pe on pe.id = g.person_id`;
}

/**
 * Whether the person of a people row `pe` was first seen before the period: identified before its
 * first day, or about a contact before its first instant (rule 7 of national-statistics.policy.ts).
 * The first contact is stored on the person (kept by db/sql/0003_first_contact.sql): searching
 * every counselled person's contacts took most of a quarter's direct report.
 */
export function seenBeforeSql(sql: TSqlTag, firstDay: string, start: string): TFragment {
  return sql`(coalesce(pe.identification_date < ${firstDay}::date, false)
    or coalesce(pe.first_contact_at < ${start}::timestamptz, false))`;
}

/** Nationality, returned-from country and distinct forms of a people row `pe`. */
export function personFactsSql(sql: TSqlTag): TFragment {
  return sql`case when 'LA' = any(pe.nationalities) then 'LA' else coalesce(pe.nationalities[1], 'unknown') end as nat,
    (select l->>'code' from jsonb_array_elements(pe.stage_locations) l
      where l->>'stage' = 'exploitation' and l->>'kind' = 'country' limit 1) as abroad,
    array(select distinct x from unnest(pe.exploitation_forms) x) as forms`;
}

/**
 * The end of the national query, given CTEs `idp` (people identified in the period: f, u, nat,
 * prov, abroad, forms) and `people_in` (people contacted or served in the period: f, u, st,
 * kinds, continuing, and m_<mode> per counselling mode), plus the counselling sessions select.
 * Rows are (t, k, c1..c5) for toTallies().
 */
export function nationalTallyTailSql(sql: TSqlTag, sessions: TFragment): TFragment {
  return sql`
    touched as (select * from people_in where st is not null),
    counselled as (
      select f, continuing, m from people_in,
        unnest(array[${sql.unsafe(
          counsellingModeKeys.map((m) => `case when ${modeColumn(m)} then '${m}' end`).join(', '),
        )}]) m
      where m is not null
    ),
    keyed as (
      select 'summary' as t, 'identified' as k, f, u from idp
      union all select 'nationality', nat, f, u from idp
      union all select 'province', prov, f, u from idp
      union all select 'origin', case when abroad is null then 'domestic' else 'abroad' end, f, u from idp
      union all select 'origin', 'abroad:' || abroad, f, u from idp where abroad is not null
      union all select 'forms', form, f, u from idp, unnest(forms) form
      union all select 'forms', 'several', f, u from idp where cardinality(forms) > 1
      union all select 'forms', 'not_recorded', f, u from idp where cardinality(forms) = 0
      union all select 'forms', 'total', f, u from idp
      union all select st, 'recorded', f, u from touched where st = 'possible'
      union all select st, 'assisted', f, u from touched where cardinality(kinds) > 0
      union all select st, 'sheltered', f, u from touched where 'shelter' = any(kinds)
      union all select st, 'reintegrated', f, u from touched where 'reintegration' = any(kinds)
      union all select st, 'followed_up', f, u from touched where 'follow_up' = any(kinds)
      union all select 'services', kind, f, u from touched, unnest(kinds) kind where st = 'summary'
      union all select 'services', 'any', f, u from touched where st = 'summary' and cardinality(kinds) > 0
    )
    select t, k, count(*)::int as c1, (count(*) filter (where f))::int as c2,
      (count(*) filter (where u))::int as c3, (count(*) filter (where f and u))::int as c4, 0 as c5
    from keyed group by t, k
    union all
    ${sessions}
    union all
    select 'counselling-people', m, 0, count(*)::int, (count(*) filter (where f))::int,
      (count(*) filter (where not continuing))::int, (count(*) filter (where continuing))::int
    from counselled
    group by m
    union all
    select 'counselling-people', 'total', 0, count(*)::int, (count(*) filter (where f))::int,
      (count(*) filter (where not continuing))::int, (count(*) filter (where continuing))::int
    from people_in where ${counselledInAnyModeSql(sql)}`;
}
