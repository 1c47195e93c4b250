import type { TSql } from '../../infra/database';
import { modeChannels, nonCounsellingContactTypes } from './counselling-mode.policy';
import type {
  TCounsellingTally,
  TNationalTallies,
  TPeopleTally,
} from './national-statistics.types';
import { essentialServices, OTHER_SERVICE, otherServices } from './report-labels';
import { periodInstants, type TPeriod } from './report-period.policy';
import type { TReportScope } from './report-filters';

type TRow = { t: string; k: string; c1: number; c2: number; c3: number; c4: number; c5: number };

/**
 * The national tallies computed in Postgres, to the rules of national-statistics.policy.ts (the
 * integration tests hold both to the same cells). Reads plain statistical columns only: no
 * encrypted column is selected, so nothing personal is ever decrypted for a report.
 *
 * How the stored records map to the rules' inputs:
 * - nationality: Lao when LA is among the person's nationalities, otherwise the first one;
 * - returned from abroad: the country of an exploitation-stage location abroad, if any;
 * - services: services partners recorded on tickets, for the referral's person, or for the
 *   victims on the case when the referral named none;
 * - people a contact is about: the people on its case, other parties (suspects, employers) aside;
 * - new vs continuing: whether the person's record was created before the period.
 */
export async function loadNationalTallies(
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
  const knownServices = [...essentialServices.keys(), ...otherServices.keys()];
  const modeOf = sql`case
    when c.channel = any(${sql.array([...modeChannels.hotline], 1009)}::text[]) then 'hotline'
    when c.channel = any(${sql.array([...modeChannels.phone], 1009)}::text[]) then 'phone'
    when c.channel = any(${sql.array([...modeChannels.face_to_face], 1009)}::text[]) then 'face_to_face' end`;

  // One statement over a year of contacts: enough memory to hash instead of sorting on disk.
  const rows = await sql.begin(async (tx) => {
    await tx`set local work_mem = '128MB'`;
    return tx<TRow[]>`
    with idp as (
      select pe.sex = 'female' as f, pe.under18_at_identification is true as u,
        case when 'LA' = any(pe.nationalities) then 'LA' else coalesce(pe.nationalities[1], 'unknown') end as nat,
        coalesce(pe.residence_province_code, 'unknown') as prov,
        (select l->>'code' from jsonb_array_elements(pe.stage_locations) l
          where l->>'stage' = 'exploitation' and l->>'kind' = 'country' limit 1) as abroad,
        array(select distinct x from unnest(pe.exploitation_forms) x) as forms
      from people pe
      where pe.victim_status = 'identified'
        and pe.identification_date between ${period.from}::date and ${period.to}::date ${peopleScope}
    ),
    pc as materialized (
      select c.id, case when c.contact_type <> all(${sql.array([...nonCounsellingContactTypes], 1009)}::text[])
          then ${modeOf} end as mode, cp.person_id
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
      select distinct coalesce(r.person_id, cp.person_id) as person_id,
        case when ts.service = any(${sql.array(knownServices, 1009)}::text[]) then ts.service else ${OTHER_SERVICE} end as kind
      from ticket_services ts
      join tickets t on t.id = ts.ticket_id
      join referrals r on r.id = t.referral_id
      left join case_people cp on r.person_id is null and cp.case_id = ts.case_id
        and cp.role in ('victim', 'possible_victim')
      where ts.given_on between ${period.from} and ${period.to}
    ),
    kinds_of as (
      select person_id, array_agg(kind) as kinds from given where person_id is not null group by person_id
    ),
    people_in as materialized (
      select pe.sex = 'female' as f, pe.under18_at_identification is true as u,
        case when pe.victim_status = 'not_victim' then null
          when pe.victim_status = 'identified' and pe.identification_date <= ${period.to}::date then 'summary'
          else 'possible' end as st,
        coalesce(k.kinds, '{}') as kinds, pe.created_at < ${start}::timestamptz as continuing,
        coalesce(p.m_hotline, false) as m_hotline, coalesce(p.m_phone, false) as m_phone,
        coalesce(p.m_face, false) as m_face, pe.id
      from kinds_of k full join pp p on p.person_id = k.person_id
      join people pe on pe.id = coalesce(k.person_id, p.person_id)
      where true ${peopleScope}
    ),
    touched as (select * from people_in where st is not null),
    counselled as (
      select f, continuing, m from people_in,
        unnest(array[case when m_hotline then 'hotline' end, case when m_phone then 'phone' end,
          case when m_face then 'face_to_face' end]) m
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
    select 'counselling', coalesce(mode, 'total'), 0, count(*)::int, 0, 0, 0
    from (select distinct pc.id, pc.mode from pc
      where pc.mode is not null and (${scope.provinceCode}::text is null
        or pc.person_id in (select id from people_in where m_hotline or m_phone or m_face))) s
    group by rollup(mode)
    union all
    select 'counselling-people', m, 0, count(*)::int, (count(*) filter (where f))::int,
      (count(*) filter (where not continuing))::int, (count(*) filter (where continuing))::int
    from counselled
    group by m
    union all
    select 'counselling-people', 'total', 0, count(*)::int, (count(*) filter (where f))::int,
      (count(*) filter (where not continuing))::int, (count(*) filter (where continuing))::int
    from people_in where m_hotline or m_phone or m_face`;
  });
  return toTallies(rows);
}

function toTallies(rows: readonly TRow[]): TNationalTallies {
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
