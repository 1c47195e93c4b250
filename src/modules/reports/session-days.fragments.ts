import type { PendingQuery, Row } from 'postgres';
import type { TSqlTag } from './national-sql.fragments';
import type { TReportScope } from './report-filters';
import type { TPeriod } from './report-period.policy';

const TEXT_ARRAY = 1009;

/**
 * Counselling sessions (mode, sessions) of the period's Lao days from the day aggregates, under
 * the report's filters as the direct query applies them: the contact's hotline; under a province
 * filter, a session counts when one of its people is of the province (and, under a hotline
 * filter, of one of the hotlines too).
 */
export function sessionDaysSql(
  sql: TSqlTag,
  period: TPeriod,
  scope: Pick<TReportScope, 'hotlines'> & { provinceCode?: string | null },
): PendingQuery<Row[]> {
  const list = scope.hotlines ? sql.array([...scope.hotlines], TEXT_ARRAY) : null;
  const province = scope.provinceCode ?? null;
  return province === null
    ? sql`select mode, sessions from report_session_days
        where day between ${period.from}::date and ${period.to}::date
          and (${list}::text[] is null or hotline = any(${list}::text[]))`
    : sql`select mode, sessions from report_session_province_days
        where province_code = ${province} and day between ${period.from}::date and ${period.to}::date
          and (${list}::text[] is null or (hotline = any(${list}::text[]) and person_hotlines && ${list}::text[]))`;
}
