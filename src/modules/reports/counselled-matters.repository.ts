import type { TSql } from '../../infra/database';
import { counsellingModeSql } from './national-sql.fragments';
import type { TReportScope } from './report-filters';
import { periodInstants, type TPeriod } from './report-period.policy';

/** Matters counselled in the period per counselling mode, and 'total' (each matter once). */
export type TCounselledMatters = Record<string, number>;

/**
 * Matters counselled: the distinct issues the period's counselling sessions were about. A matter
 * is one issue (the session's form of exploitation; none recorded is an issue of its own) of one
 * case; a session with no case is a matter by itself. However many sessions are held about it,
 * and in however many modes, it counts once in the total. Filters are those of the sessions: the
 * contact's hotline, and under a province filter the sessions about a person of the province.
 */
export async function loadCounselledMatters(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
): Promise<TCounselledMatters> {
  const { start, end } = periodInstants(period);
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  // A year of contacts in one statement: memory to hash without spilling to disk.
  const rows = await sql.begin(async (tx) => {
    await tx`set local work_mem = '64MB'`;
    return tx<Array<{ mode: string | null; matters: number }>>`
    with s as (
      select ${counsellingModeSql(tx)} as mode, coalesce(c.case_id, c.id) as matter_case,
        coalesce(c.category_code, '') as issue
      from contacts c
      where c.occurred_at >= ${start.toISOString()}::timestamptz
        and c.occurred_at < ${end.toISOString()}::timestamptz
        and (${hotlines}::text[] is null or c.hotline = any(${hotlines}::text[]))
        and (${scope.provinceCode}::text is null or exists (
          select 1 from case_people cp join people pe on pe.id = cp.person_id
          where cp.case_id = c.case_id and cp.role <> 'other_party'
            and pe.residence_province_code = ${scope.provinceCode}::text
            and (${hotlines}::text[] is null or pe.hotline = any(${hotlines}::text[]))))
    ),
    m as (
      select mode, matter_case, issue from s where mode is not null
      group by grouping sets ((mode, matter_case, issue), (matter_case, issue))
    )
    select mode, count(*)::int as matters from m group by mode`;
  });
  const matters: TCounselledMatters = { total: 0 };
  for (const r of rows) matters[r.mode ?? 'total'] = r.matters;
  return matters;
}
