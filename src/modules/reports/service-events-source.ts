import type { PendingQuery, Row } from 'postgres';
import type { TSql } from '../../infra/database';
import { serviceEventFactsSql } from './national-sql.fragments';
import { aggregatesWatermark } from './report-aggregates.repository';

/**
 * Where the service tables read their events from: report_service_people as the last complete
 * refresh left it (the report says as of when), or the records themselves before the aggregates were ever built. Both have the
 * columns of serviceEventFactsSql.
 */
/** `primary`: where the refresh state is read when `sql` is a read replica. */
export async function serviceEventsSource(
  sql: TSql,
  primary: TSql = sql,
): Promise<{ from: PendingQuery<Row[]> }> {
  // Wrapped: a query fragment is a thenable, and returning it from here would run it.
  if ((await aggregatesWatermark(primary)) === null) return { from: serviceEventFactsSql(sql) };
  return { from: sql`select * from report_service_people` };
}
