import type { TSql } from '../../infra/database';
import { givenServicesSql, personFactsSql } from './national-sql.fragments';
import { catalogueServices, OTHER_SERVICE } from './report-labels';
import type { TReportScope } from './report-filters';
import type { TPeriod } from './report-period.policy';

/** People (once each) and times (the sum of the events' quantities). */
export type TEventTally = { people: number; female: number; under18: number; times: number };
export type TSexTally = { total: number; female: number; male: number };

/**
 * What the national report counts of service events beside the people tables: each service's
 * people and times, the people in a shelter on the period's last day (a census, not a flow), and
 * identified victims sheltered and reintegrated in the period by nationality and sex.
 */
export type TNationalEvents = {
  services: Record<string, TEventTally>;
  census: TSexTally;
  sheltered: Record<string, TSexTally>;
  reintegrated: Record<string, TSexTally>;
};

/** No service events: every cell of the event tables zero. */
export const noEvents = (): TNationalEvents => ({
  services: {},
  census: { total: 0, female: 0, male: 0 },
  sheltered: {},
  reintegrated: {},
});

type TRow = {
  t: string;
  k: string;
  people: number;
  female: number;
  male: number;
  under18: number;
  times: number;
};

/**
 * One statement over the service events (a small table beside contacts) for any period, with the
 * people scope of the other tables (the person's hotline and province). The same for a calendar
 * year and for a month, so it is read directly, not from the yearly aggregate.
 */
export async function loadNationalEvents(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
): Promise<TNationalEvents> {
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  const codes = sql.array([...catalogueServices.keys()], 1009);
  const rows = await sql<TRow[]>`
    with ev as (
      select g.person_id, g.given_on, g.code, g.event_id, g.quantity, g.ends_on,
        pe.sex = 'female' as f, pe.sex = 'male' as m, pe.under18_at_identification is true as u
      from (${givenServicesSql(
        sql,
        // The period's events, and the stays begun before it that had not ended by its last day.
        sql`ts.given_on <= ${period.to} and (ts.given_on >= ${period.from}
          or (ts.service = 'shelter' and (ts.ends_on is null or ts.ends_on >= ${period.to})))`,
      )}) g
      join people pe on pe.id = g.person_id
      where (${hotlines}::text[] is null or pe.hotline = any(${hotlines}::text[]))
        and (${scope.provinceCode}::text is null or pe.residence_province_code = ${scope.provinceCode}::text)
    ),
    given as (
      select *, case when code = any(${codes}::text[]) then code else ${OTHER_SERVICE} end as row_key
      from ev where given_on between ${period.from} and ${period.to}
    ),
    keyed as (
      select row_key, person_id, event_id, quantity, f, m, u from given
      union all select 'total', person_id, event_id, quantity, f, m, u from given
    ),
    -- An event about two people (a case's victims) is given that many times, not twice as many.
    times as (
      select row_key, sum(quantity)::int as times
      from (select distinct row_key, event_id, quantity from keyed) e group by row_key
    )
    select 'services' as t, row_key as k, count(distinct person_id)::int as people,
      count(distinct person_id) filter (where f)::int as female,
      count(distinct person_id) filter (where m)::int as male,
      count(distinct person_id) filter (where u)::int as under18, min(times.times) as times
    from keyed join times using (row_key) group by row_key
    union all
    select 'census', 'shelter', count(distinct person_id)::int,
      count(distinct person_id) filter (where f)::int, count(distinct person_id) filter (where m)::int, 0, 0
    from ev where code = 'shelter' and given_on <= ${period.to}
      and (ends_on is null or ends_on >= ${period.to})
    union all
    select code, nat, count(distinct person_id)::int, count(distinct person_id) filter (where f)::int,
      count(distinct person_id) filter (where m)::int, 0, 0
    from (
      select g.code, g.person_id, g.f, g.m, x.nat from given g
      join people pe on pe.id = g.person_id
        and pe.victim_status = 'identified' and pe.identification_date <= ${period.to}::date
      cross join lateral (select ${personFactsSql(sql)}) x
      where g.code in ('shelter', 'reintegration')
    ) s
    group by rollup(code, nat) having code is not null`;
  const events = noEvents();
  for (const r of rows) {
    const sex: TSexTally = { total: r.people, female: r.female, male: r.male };
    if (r.t === 'services')
      events.services[r.k] = {
        people: r.people,
        female: r.female,
        under18: r.under18,
        times: r.times,
      };
    else if (r.t === 'census') events.census = sex;
    else {
      const table = r.t === 'shelter' ? events.sheltered : events.reintegrated;
      table[r.k ?? 'total'] = sex;
    }
  }
  return events;
}
