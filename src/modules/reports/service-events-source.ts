import type { PendingQuery, Row } from 'postgres';
import type { TSql } from '../../infra/database';
import { serviceEventFactsSql } from './national-sql.fragments';
import { aggregatesWatermark, refreshReportAggregates } from './report-aggregates.repository';

/**
 * Where the service tables read their events from: report_service_people, first brought up to
 * date with any record changed since the last refresh (so the figures are those of the records
 * right now), or the records themselves before the aggregates were ever built. Both have the
 * columns of serviceEventFactsSql.
 */
/** `primary`: where the aggregate is brought up to date when `sql` is a read replica. */
export async function serviceEventsSource(
  sql: TSql,
  primary: TSql = sql,
): Promise<{ from: PendingQuery<Row[]> }> {
  // Wrapped: a query fragment is a thenable, and returning it from here would run it.
  if ((await aggregatesWatermark(primary)) === null) return { from: serviceEventFactsSql(sql) };
  // While the refresh job holds the lock it is applying these same changes: read what is there.
  await refreshReportAggregates(primary, { full: false, wait: false, operations: false });
  return { from: sql`select * from report_service_people` };
}
