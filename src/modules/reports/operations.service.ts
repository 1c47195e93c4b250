import type { TSql } from '../../infra/database';
import { primaryReader, type TReader } from '../../infra/read-replica';
import { operationsWatermark, readOperations } from './operations-aggregate.repository';
import { computeOperations, type TOperationsData } from './operations.repository';
import type { TReportScope } from './report-filters';
import type { TPeriod } from './report-period.policy';

/**
 * The operations figures of a period. Every period is whole Lao days, so any period and hotline
 * filter is read from the per-hour aggregates as the last complete refresh left them (the
 * refresh job keeps them current; the report says as of when), plus the routing steps after it,
 * read directly. Before the aggregates were ever built they are computed directly: slower, same cells.
 * `sql` is the primary (where the refresh state, and so the report's "as of", is read); `read`
 * may send the reads to a replica, which for the aggregates must first have replayed up to the
 * primary's position (so never older than the "as of" the report states).
 */
export async function loadOperations(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
  read: TReader = primaryReader(sql),
): Promise<TOperationsData> {
  if ((await operationsWatermark(sql)) === null)
    return read((on) => computeOperations(on, period, scope));
  return read((on) => readOperations(on, period, scope), { seeWrites: true });
}
