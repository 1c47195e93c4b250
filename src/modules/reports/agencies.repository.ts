import type { TSql } from '../../infra/database';
import { agencySections } from './agency-sections';
import type { TReportScope } from './report-filters';
import { periodInstants, type TPeriod } from './report-period.policy';
import { serviceEventsSource } from './service-events-source';

/** People (each once) and times (tickets, or the summed quantities of service events). */
export type TAgencyTally = { people: number; female: number; under18: number; times: number };

/** agency key → row key ('referred', 'accepted', 'declined', 'completed', a service code…) → tally. */
export type TAgencyFigures = Record<string, Record<string, TAgencyTally>>;

export const ticketMeasures = {
  referred: null,
  accepted: ['accepted', 'in_progress', 'on_hold', 'completed'],
  declined: ['declined'],
  completed: ['completed'],
} as const;

type TRow = { agency: string; k: string } & TAgencyTally;

/**
 * Each agency's figures for the period in one statement: the referral tickets its units received
 * (created in the period) by how far they went, and the service events given in the period by
 * its units or recorded by staff for it. People are the referral's person or the case's victims,
 * narrowed like the national tables (the case's hotline, the person's province).
 */
export async function loadAgencyFigures(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
  /** Where the service-event aggregate is refreshed when `sql` is a read replica. */
  primary: TSql = sql,
): Promise<TAgencyFigures> {
  const { start, end } = periodInstants(period);
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  const pairs = agencySections.flatMap((s) => s.organisations.map((o) => [o, s.key] as const));
  const orgs = sql.array(
    pairs.map(([o]) => o),
    1009,
  );
  const agencies = sql.array(
    pairs.map(([, a]) => a),
    1009,
  );
  const accepted = sql.array([...ticketMeasures.accepted], 1009);
  const source = await serviceEventsSource(sql, primary);
  // One statement over a year of tickets and events: memory to hash and sort without spilling.
  const rows = await sql.begin(async (tx) => {
    await tx`set local work_mem = '64MB'`;
    return tx<TRow[]>`
    with map as (select * from unnest(${orgs}::text[], ${agencies}::text[]) as m(org, agency)),
    tk as (
      select coalesce(m.agency, 'other') as agency, t.id, t.state,
        coalesce(r.person_id, cp.person_id) as person_id
      from tickets t
      join cases c on c.id = t.case_id
      left join referrals r on r.id = t.referral_id
      left join case_people cp on r.person_id is null and cp.case_id = t.case_id
        and cp.role in ('victim', 'possible_victim')
      left join map m on m.org = t.organisation_key
      where t.created_at >= ${start.toISOString()}::timestamptz
        and t.created_at < ${end.toISOString()}::timestamptz
        and (${hotlines}::text[] is null or c.hotline = any(${hotlines}::text[]))
    ),
    tkp as (
      select tk.*, pe.sex = 'female' as f, pe.under18_at_identification is true as u
      from tk left join people pe on pe.id = tk.person_id
      where ${scope.provinceCode}::text is null or pe.residence_province_code = ${scope.provinceCode}::text
    ),
    tkm as (
      select agency, 'referred' as k, id, person_id, f, u from tkp
      union all select agency, 'accepted', id, person_id, f, u from tkp where state = any(${accepted}::text[])
      union all select agency, 'declined', id, person_id, f, u from tkp where state = 'declined'
      union all select agency, 'completed', id, person_id, f, u from tkp where state = 'completed'
    ),
    sv as (
      select coalesce(m.agency, 'other') as agency, g.code, g.event_id, g.quantity, g.person_id,
        g.female as f, g.under18 as u
      from (${source.from}) g
      left join map m on m.org = g.organisation_key
      where g.given_on between ${period.from} and ${period.to}
        and (${hotlines}::text[] is null or g.hotline = any(${hotlines}::text[]))
        and (${scope.provinceCode}::text is null or g.province_code = ${scope.provinceCode}::text)
    ),
    -- An event about two people (a case's victims) is given that many times, not twice as many.
    svt as (
      select agency, coalesce(code, 'services_total') as k, sum(quantity)::int as times
      from (select agency, code, event_id, max(quantity) as quantity from sv
        group by agency, code, event_id) e
      group by grouping sets ((agency, code), (agency))
    ),
    svp as (
      select agency, coalesce(code, 'services_total') as k, count(distinct person_id)::int as people,
        count(distinct person_id) filter (where f)::int as female,
        count(distinct person_id) filter (where u)::int as under18
      from sv group by grouping sets ((agency, code), (agency))
    )
    select agency, k, count(distinct person_id)::int as people,
      count(distinct person_id) filter (where f)::int as female,
      count(distinct person_id) filter (where u)::int as under18, count(distinct id)::int as times
    from tkm group by agency, k
    union all
    select agency, k, people, female, under18, times from svp join svt using (agency, k)`;
  });
  const figures: TAgencyFigures = {};
  for (const r of rows)
    (figures[r.agency] ??= {})[r.k] = {
      people: r.people,
      female: r.female,
      under18: r.under18,
      times: r.times,
    };
  return figures;
}
