import type { JobQueues } from '../../jobs/job-queues';
import { reportRefreshJob } from '../../jobs/report-refresh.job';

/**
 * Every minute, a refresh of what changed; once a day, a full rebuild (it also drops what
 * retention deleted). Job ids carry the minute or the day, so several worker processes add each
 * run once; a timer rather than a scheduler stored in Redis, so it survives Redis losing its data.
 */
export function startReportRefreshTicker(
  queues: JobQueues,
  everyMs = 60_000,
): { stop: () => void } {
  const tick = () => {
    const stamp = new Date().toISOString();
    const day = stamp.slice(0, 10);
    const minute = stamp.slice(0, 16).replace(/[-:T]/g, '');
    queues.enqueue(reportRefreshJob, { runId: day, full: true }).catch(() => {});
    queues.enqueue(reportRefreshJob, { runId: minute, full: false }).catch(() => {});
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return { stop: () => clearInterval(timer) };
}
