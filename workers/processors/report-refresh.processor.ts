import type { reportRefreshJob } from '../../src/jobs/report-refresh.job';
import { refreshReportAggregates } from '../../src/modules/reports/report-aggregates.repository';
import type { TProcessor } from '../processor';

type TPayload = ReturnType<(typeof reportRefreshJob)['payload']['parse']>;

/** Idempotent: a second run recomputes the same rows from the same records. */
export const reportRefreshProcessor: TProcessor<TPayload> = async (payload, { deps }) =>
  refreshReportAggregates(deps.sql, { full: payload.full, wait: true });
