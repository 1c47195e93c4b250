import type { TSql } from '../../infra/database';
import type {
  TCounsellingTally,
  TNationalTallies,
  TPeopleTally,
} from './national-statistics.types';
import type { PendingQuery, Row } from 'postgres';
import {
  counselledInAnyModeSql,
  counsellingModeSql,
  modeColumn,
  modeColumnsSql,
  serviceKindSql,
  nationalTallyTailSql,
  personFactsSql,
  seenBeforeSql,
  type TSqlTag,
} from './national-sql.fragments';
import { sessionDaysSql } from './session-days.fragments';
import { periodInstants, wholeMonthsOf, type TPeriod } from './report-period.policy';
import type { TReportScope } from './report-filters';
import { serviceEventsSource } from './service-events-source';

type TFragment = PendingQuery<Row[]>;
/** The people columns the tables ask for, as report_person_months repeats them. */
const PERSON_FACTS = `hotline, residence_province_code, sex, under18_at_identification, victim_status,
  identification_date, first_contact_at`;

export type TNationalRow = {
  t: string;
  k: string;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
};

/**
 * The national tallies computed directly from the records in Postgres (any period and filter), to the rules of national-statistics.policy.ts (the
 * integration tests hold both to the same cells). Reads plain statistical columns only: no
 * encrypted column is selected, so nothing personal is ever decrypted for a report.
 *
 * How the stored records map to the rules' inputs:
 * - nationality: Lao when LA is among the person's nationalities, otherwise the first one;
 * - returned from abroad: the country of an exploitation-stage location abroad, if any;
 * - services: services partners recorded on tickets, for the referral's person, or for the
 *   victims on the case when the referral named none;
 * - people a contact is about: the people on its case, other parties (suspects, employers) aside;
 * - new vs continuing: whether the person was first contacted or identified before the period
 *   (an indexed look-up per counselled person; when the record was created does not matter).
 */
export async function computeNationalTallies(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
  /** Where the service aggregate is brought up to date when `sql` is a read replica. */
  primary: TSql = sql,
): Promise<TNationalTallies> {
  const { start, end } = periodBounds(period);
  // Service events with their people, from their aggregate when it is built (refreshed first).
  const source = await serviceEventsSource(sql, primary);
  return nationalTallies(sql, period, scope, source.from, (tx, hotlines, person) => ({
    contacts: tx`
    pc as materialized (
      select c.id, ${counsellingModeSql(tx)} as mode, cp.person_id
      from contacts c
      left join case_people cp on cp.case_id = c.case_id and cp.role <> 'other_party'
      where c.occurred_at >= ${start}::timestamptz and c.occurred_at < ${end}::timestamptz
        and (${hotlines}::text[] is null or c.hotline = any(${hotlines}::text[]))
    ),
    pp as (
      select person_id, ${modeColumnsSql(tx, (m) => tx`bool_or(mode = ${m})`)}
      from pc where person_id is not null group by person_id
    )`,
    peopleIn: tx`
      select ${person.facts}, coalesce(k.kinds, '{}') as kinds,
        ${modeColumnsSql(tx, (m) => tx`coalesce(p.${tx.unsafe(modeColumn(m))}, false)`)}, pe.id
      from kinds_of k full join pp p on p.person_id = k.person_id
      join people pe on pe.id = coalesce(k.person_id, p.person_id)
      where true ${person.scope}`,
    sessions: tx`select 'counselling', coalesce(mode, 'total'), 0, count(*)::int, 0, 0, 0
    from (select distinct pc.id, pc.mode from pc
      where pc.mode is not null and (${scope.provinceCode}::text is null
        or pc.person_id in (select id from people_in where ${counselledInAnyModeSql(tx)}))) s
    group by rollup(mode)`,
  }));
}

/**
 * The national tallies of a run of whole Lao months (a month, a quarter, a half year…) read from
 * the month aggregates instead of the period's contacts: report_person_months for who was
 * contacted and counselled in which modes, report_session_days (or, under a province filter,
 * report_session_province_days) for the sessions. People, services and the rest are read as the
 * direct query reads them, so the cells are the same; tests hold both to the same cells.
 */
export async function readMonthsTallies(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
): Promise<TNationalTallies> {
  const months = wholeMonthsOf(period);
  if (months === null) throw new Error(`not whole months: ${period.from}..${period.to}`);
  const list = scope.hotlines ? [...scope.hotlines] : null;
  // The caller brought the aggregates up to date (loadNationalTallies), on the primary.
  const events = sql`select * from report_service_people`;
  return nationalTallies(sql, period, scope, events, (tx, hotlines, person) => {
    const inMode = (mode: string) =>
      list === null
        ? tx`${mode} = any(modes)`
        : tx`hotline_modes && ${tx.array(
            list.map((h) => `${mode}:${h}`),
            1009,
          )}::text[]`;
    return {
      // The month rows carry the person's facts under the people table's column names (`pe`).
      contacts: tx`
      pp as (
        select person_id as id, ${tx.unsafe(PERSON_FACTS)},
          ${modeColumnsSql(tx, (m) => tx`bool_or(${inMode(m)})`)}
        from report_person_months pe
        where month between ${months.first}::date and ${months.last}::date
          and (${hotlines}::text[] is null or contact_hotlines && ${hotlines}::text[]) ${person.scope}
        group by person_id, ${tx.unsafe(PERSON_FACTS)}
      )`,
      // Contacted people from their month rows; people only served, from their people row.
      peopleIn: tx`
        select ${person.facts}, coalesce(k.kinds, '{}') as kinds,
          ${modeColumnsSql(tx, (m) => tx`pe.${tx.unsafe(modeColumn(m))}`)}, pe.id
        from pp pe left join kinds_of k on k.person_id = pe.id
        union all
        select ${person.facts}, k.kinds, ${modeColumnsSql(tx, () => tx`false`)}, pe.id
        from kinds_of k join people pe on pe.id = k.person_id
        where not exists (select 1 from pp where pp.id = k.person_id) ${person.scope}`,
      sessions: tx`select 'counselling', coalesce(mode, 'total'), 0, coalesce(sum(sessions), 0)::int, 0, 0, 0
      from (${sessionDaysSql(tx, period, scope)}) s
      group by rollup(mode)`,
    };
  });
}

/** The period's instants as ISO text (drizzle's postgres-js driver sends Dates unserialised). */
function periodBounds(period: TPeriod): { start: string; end: string } {
  const instants = periodInstants(period);
  return { start: instants.start.toISOString(), end: instants.end.toISOString() };
}

/**
 * The national query around its contacts part: `side` gives the CTEs ending in `pp` (the people
 * contacted in the period through the hotlines, with m_<mode> per counselling mode), the select
 * of `people_in` (contacted or served people of the scope: the person facts, kinds, m_<mode>, id)
 * and the counselling sessions select, which may read `people_in`.
 */
async function nationalTallies(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
  serviceEvents: TFragment,
  side: (
    tx: TSqlTag,
    hotlines: ReturnType<TSql['array']> | null,
    person: { facts: TFragment; scope: TFragment },
  ) => { contacts: TFragment; peopleIn: TFragment; sessions: TFragment },
): Promise<TNationalTallies> {
  const { start } = periodBounds(period);
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  const peopleScope = sql`
    and (${hotlines}::text[] is null or pe.hotline = any(${hotlines}::text[]))
    and (${scope.provinceCode}::text is null or pe.residence_province_code = ${scope.provinceCode}::text)`;

  // One statement over a year of contacts: enough memory to hash instead of sorting on disk.
  const rows = await sql.begin(async (tx) => {
    await tx`set local work_mem = '128MB'`;
    // What the tables ask of a person (a people row or a month row, `pe`) in this period.
    const facts = tx`pe.sex = 'female' as f, pe.under18_at_identification is true as u,
        case when pe.victim_status = 'not_victim' then null
          when pe.victim_status = 'identified' and pe.identification_date <= ${period.to}::date then 'summary'
          else 'possible' end as st,
        ${seenBeforeSql(tx, period.from, start)} as continuing`;
    const { contacts, peopleIn, sessions } = side(tx, hotlines, { facts, scope: peopleScope });
    return tx<TNationalRow[]>`
    with idp as (
      select pe.sex = 'female' as f, pe.under18_at_identification is true as u,
        coalesce(pe.residence_province_code, 'unknown') as prov, ${personFactsSql(tx)}
      from people pe
      where pe.victim_status = 'identified'
        and pe.identification_date between ${period.from}::date and ${period.to}::date ${peopleScope}
    ),
    ${contacts},
    given as (
      select distinct person_id, ${serviceKindSql(tx, tx`g.code`)} as kind from (${serviceEvents}) g
      where given_on between ${period.from} and ${period.to}
    ),
    kinds_of as (
      select person_id, array_agg(kind) as kinds from given where person_id is not null group by person_id
    ),
    people_in as materialized (${peopleIn}),
    ${nationalTallyTailSql(tx, sessions)}`;
  });
  return toTallies(rows);
}

export function toTallies(rows: readonly TNationalRow[]): TNationalTallies {
  const tallies: TNationalTallies = {
    summary: {},
    possible: {},
    nationality: {},
    origin: {},
    province: {},
    forms: {},
    services: {},
    counselling: {},
  };
  const counselling = (k: string): TCounsellingTally =>
    (tallies.counselling[k] ??= {
      sessions: 0,
      people: 0,
      female: 0,
      newPeople: 0,
      continuingPeople: 0,
    });
  for (const r of rows) {
    if (r.t === 'counselling') counselling(r.k).sessions = r.c2;
    else if (r.t === 'counselling-people')
      Object.assign(counselling(r.k), {
        people: r.c2,
        female: r.c3,
        newPeople: r.c4,
        continuingPeople: r.c5,
      });
    else {
      const table = tallies[r.t as Exclude<keyof TNationalTallies, 'counselling'>];
      const tally: TPeopleTally = { total: r.c1, female: r.c2, under18: r.c3, femaleUnder18: r.c4 };
      table[r.k] = tally;
    }
  }
  return tallies;
}
