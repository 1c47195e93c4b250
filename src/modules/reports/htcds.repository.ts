import type { TSql } from '../../infra/database';
import type { THtcdsSourceRow } from './htcds.policy';
import type { TReportScope } from './report-filters';
import { periodInstants, type TPeriod } from './report-period.policy';

/**
 * One row per victim or possible victim on each case opened in the period (Lao calendar days),
 * in one statement: plain columns only, no encrypted field is read. Referral partners and consent
 * come from correlated aggregates the planner runs per row of this (small, case-level) result.
 */
export async function loadHtcdsRows(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
): Promise<THtcdsSourceRow[]> {
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  const { start, end } = periodInstants(period);
  return sql<THtcdsSourceRow[]>`
    select c.code as "caseCode", pe.id as "personId", c.status as "caseStatus", pe.sex,
      pe.nationalities, pe.residence_province_code as "provinceCode",
      exists (select 1 from (select distinct on (co.scope) co.granted from consents co
        where co.person_id = pe.id order by co.scope, co.recorded_at desc) latest
        where latest.granted) as consented,
      pe.exploitation_forms as forms, pe.labour_sector as "labourSector",
      pe.recruitment_method as "recruitmentMethod",
      pe.means_of_control as "meansOfControl",
      coalesce(ref.units, '{}') as "referredTo", ref.first_on as "firstReferredOn"
    from cases c
    join case_people cp on cp.case_id = c.id and cp.role in ('victim', 'possible_victim')
    join people pe on pe.id = cp.person_id
    left join lateral (
      select array_agg(distinct pu.name_en) filter (where pu.id is not null) as units,
        to_char(min(r.referred_at at time zone 'Asia/Vientiane'), 'YYYY-MM-DD') as first_on
      from referrals r
      left join tickets t on t.referral_id = r.id
      left join partner_units pu on pu.id = t.unit_id
      where r.case_id = c.id
    ) ref on true
    where c.created_at >= ${start.toISOString()}::timestamptz
      and c.created_at < ${end.toISOString()}::timestamptz
      and c.anonymised_at is null
      and (${hotlines}::text[] is null or c.hotline = any(${hotlines}::text[]))
      and (${scope.provinceCode}::text is null or c.province_code = ${scope.provinceCode}::text)
    order by c.created_at, c.code, pe.id`;
}
