import type { JobQueues } from '../../jobs/job-queues';
import {
  REPORT_REFRESH_DEBOUNCE_MS,
  reportRefreshJob,
  reportRefreshSoonJob,
} from '../../jobs/report-refresh.job';

/**
 * Asks the worker to take in the records changed since the last refresh, a few seconds from now:
 * every ask while one waits is the same job (one refresh per burst of edits).
 */
export function refreshAggregatesSoon(queues: JobQueues): Promise<string> {
  return queues.enqueue(
    reportRefreshSoonJob,
    { runId: 'soon', full: false },
    { delay: REPORT_REFRESH_DEBOUNCE_MS },
  );
}

/**
 * A refresh asked for by a person who needs exact figures (a secretariat about to sign): a job of
 * its own, run at once (after any refresh holding the lock), so that it reads the records as they
 * are after the request, not when an earlier queued run started.
 */
export function refreshAggregatesNow(queues: JobQueues, now: Date): Promise<string> {
  return queues.enqueue(reportRefreshJob, { runId: `now-${now.getTime()}`, full: false });
}
