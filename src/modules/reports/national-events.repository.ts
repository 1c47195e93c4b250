import type { TSql } from '../../infra/database';
import { catalogueServices, OTHER_SERVICE } from './report-labels';
import type { TReportScope } from './report-filters';
import type { TPeriod } from './report-period.policy';
import { serviceEventsSource } from './service-events-source';

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
 * One statement over the service events with their people's facts (report_service_people, see
 * service-events-source.ts) for any period, with the people scope of the other tables (the
 * person's hotline and province): events are kept per event and person, so any period is exact.
 */
export async function loadNationalEvents(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
  /** Where the service-event aggregate is refreshed when `sql` is a read replica. */
  primary: TSql = sql,
): Promise<TNationalEvents> {
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  const codes = sql.array([...catalogueServices.keys()], 1009);
  const source = await serviceEventsSource(sql, primary);
  // One statement over a year of events: memory to hash and sort without spilling to disk.
  const rows = await sql.begin(async (tx) => {
    await tx`set local work_mem = '64MB'`;
    return tx<TRow[]>`
    with ev as (
      -- The period's events, and the stays begun before it that had not ended by its last day.
      select person_id, given_on, code, event_id, quantity, ends_on, female as f, male as m,
        under18 as u, identified_on, nationality
      from (${source.from}) s
      where given_on <= ${period.to} and (given_on >= ${period.from}
          or (code = 'shelter' and (ends_on is null or ends_on >= ${period.to})))
        and (${hotlines}::text[] is null or hotline = any(${hotlines}::text[]))
        and (${scope.provinceCode}::text is null or province_code = ${scope.provinceCode}::text)
    ),
    given as (
      select *, case when code = any(${codes}::text[]) then code else ${OTHER_SERVICE} end as row_key
      from ev where given_on between ${period.from} and ${period.to}
    ),
    -- An event about two people (a case's victims) is given that many times, not twice as many.
    times as (
      select coalesce(row_key, 'total') as k, sum(quantity)::int as times
      from (select row_key, event_id, max(quantity) as quantity from given group by row_key, event_id) e
      group by grouping sets ((row_key), ())
    ),
    served as (
      select coalesce(row_key, 'total') as k, count(distinct person_id)::int as people,
        count(distinct person_id) filter (where f)::int as female,
        count(distinct person_id) filter (where m)::int as male,
        count(distinct person_id) filter (where u)::int as under18
      from given group by grouping sets ((row_key), ())
    )
    select 'services' as t, k, people, female, male, under18, times
    from served join times using (k) where people > 0
    union all
    select 'census', 'shelter', count(distinct person_id)::int,
      count(distinct person_id) filter (where f)::int, count(distinct person_id) filter (where m)::int, 0, 0
    from ev where code = 'shelter' and given_on <= ${period.to}
      and (ends_on is null or ends_on >= ${period.to})
    union all
    select code, nationality, count(distinct person_id)::int,
      count(distinct person_id) filter (where f)::int, count(distinct person_id) filter (where m)::int, 0, 0
    from given
    where code in ('shelter', 'reintegration') and identified_on <= ${period.to}::date
    group by rollup(code, nationality) having code is not null`;
  });
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
