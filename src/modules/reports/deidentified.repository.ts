import type { TSql } from '../../infra/database';
import type { TVictimRow } from './deidentified.policy';
import { personFactsSql } from './national-sql.fragments';
import type { TReportScope } from './report-filters';
import type { TPeriod } from './report-period.policy';

/**
 * One row per victim identified in the period, with plain statistical columns only (no encrypted
 * field is read): the input of the de-identified dataset (deidentified.policy.ts).
 */
export async function loadVictimRows(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
): Promise<TVictimRow[]> {
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  return sql<TVictimRow[]>`
    select extract(year from pe.identification_date)::int as year, pe.sex, pe.age_band as "ageBand",
      case when f.nat = 'unknown' then null else f.nat end as citizenship,
      f.abroad as "exploitationCountry", f.forms
    from people pe
    cross join lateral (select ${personFactsSql(sql)}) f
    where pe.victim_status = 'identified'
      and pe.identification_date between ${period.from}::date and ${period.to}::date
      and (${hotlines}::text[] is null or pe.hotline = any(${hotlines}::text[]))
      and (${scope.provinceCode}::text is null or pe.residence_province_code = ${scope.provinceCode}::text)
    order by pe.identification_date, pe.id`;
}
