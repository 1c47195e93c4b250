import type { TSql } from '../../infra/database';
import type {
  TCounsellingTally,
  TNationalTallies,
  TPeopleTally,
} from './national-statistics.types';
import {
  counsellingModeSql,
  serviceKindSql,
  nationalTallyTailSql,
  personFactsSql,
  seenBeforeSql,
} from './national-sql.fragments';
import { periodInstants, type TPeriod } from './report-period.policy';
import type { TReportScope } from './report-filters';
import { serviceEventsSource } from './service-events-source';

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
): Promise<TNationalTallies> {
  // drizzle's postgres-js driver hands Date parameters through unserialised: send ISO text.
  const instants = periodInstants(period);
  const start = instants.start.toISOString();
  const end = instants.end.toISOString();
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  const peopleScope = sql`
    and (${hotlines}::text[] is null or pe.hotline = any(${hotlines}::text[]))
    and (${scope.provinceCode}::text is null or pe.residence_province_code = ${scope.provinceCode}::text)`;

  // Service events with their people, from their aggregate when it is built (refreshed first).
  const source = await serviceEventsSource(sql);
  // One statement over a year of contacts: enough memory to hash instead of sorting on disk.
  const rows = await sql.begin(async (tx) => {
    await tx`set local work_mem = '128MB'`;
    return tx<TNationalRow[]>`
    with idp as (
      select pe.sex = 'female' as f, pe.under18_at_identification is true as u,
        coalesce(pe.residence_province_code, 'unknown') as prov, ${personFactsSql(tx)}
      from people pe
      where pe.victim_status = 'identified'
        and pe.identification_date between ${period.from}::date and ${period.to}::date ${peopleScope}
    ),
    pc as materialized (
      select c.id, ${counsellingModeSql(tx)} as mode, cp.person_id
      from contacts c
      left join case_people cp on cp.case_id = c.case_id and cp.role <> 'other_party'
      where c.occurred_at >= ${start}::timestamptz and c.occurred_at < ${end}::timestamptz
        and (${hotlines}::text[] is null or c.hotline = any(${hotlines}::text[]))
    ),
    pp as (
      select person_id, bool_or(mode = 'hotline') as m_hotline, bool_or(mode = 'phone') as m_phone,
        bool_or(mode = 'face_to_face') as m_face
      from pc where person_id is not null group by person_id
    ),
    given as (
      select distinct person_id, ${serviceKindSql(tx, tx`g.code`)} as kind from (${source.from}) g
      where given_on between ${period.from} and ${period.to}
    ),
    kinds_of as (
      select person_id, array_agg(kind) as kinds from given where person_id is not null group by person_id
    ),
    people_in as materialized (
      select pe.sex = 'female' as f, pe.under18_at_identification is true as u,
        case when pe.victim_status = 'not_victim' then null
          when pe.victim_status = 'identified' and pe.identification_date <= ${period.to}::date then 'summary'
          else 'possible' end as st,
        coalesce(k.kinds, '{}') as kinds, ${seenBeforeSql(tx, period.from, start)} as continuing,
        coalesce(p.m_hotline, false) as m_hotline, coalesce(p.m_phone, false) as m_phone,
        coalesce(p.m_face, false) as m_face, pe.id
      from kinds_of k full join pp p on p.person_id = k.person_id
      join people pe on pe.id = coalesce(k.person_id, p.person_id)
      where true ${peopleScope}
    ),
    ${nationalTallyTailSql(
      tx,
      tx`select 'counselling', coalesce(mode, 'total'), 0, count(*)::int, 0, 0, 0
    from (select distinct pc.id, pc.mode from pc
      where pc.mode is not null and (${scope.provinceCode}::text is null
        or pc.person_id in (select id from people_in where m_hotline or m_phone or m_face))) s
    group by rollup(mode)`,
    )}`;
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
