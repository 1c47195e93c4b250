import type { TSql } from '../../infra/database';
import type { JobQueues } from '../../jobs/job-queues';
import { reportRefreshJob } from '../../jobs/report-refresh.job';
import { readAggregateFreshness } from './report-freshness.repository';
import { refreshAggregatesSoon } from './report-refresh.requests';

/**
 * Every minute, a refresh of what changed; once a day, a full rebuild (it also drops what
 * retention deleted). Job ids carry the minute or the day, so several worker processes add each
 * run once; a timer rather than a scheduler stored in Redis, so it survives Redis losing its data.
 * Between those, every `sweepMs` a look (a few index probes) at whether records were written
 * since the last refresh, which adds the debounced refresh: reports catch up seconds after an
 * edit, whichever module wrote it, without a request ever refreshing inline.
 */
export function startReportRefreshTicker(
  queues: JobQueues,
  sql: TSql | null,
  options: { everyMs?: number; sweepMs?: number } = {},
): { stop: () => void } {
  const tick = () => {
    const stamp = new Date().toISOString();
    const day = stamp.slice(0, 10);
    const minute = stamp.slice(0, 16).replace(/[-:T]/g, '');
    queues.enqueue(reportRefreshJob, { runId: day, full: true }).catch(() => {});
    queues.enqueue(reportRefreshJob, { runId: minute, full: false }).catch(() => {});
  };
  const sweep = async () => {
    if (sql === null) return;
    const states = await Promise.all([
      readAggregateFreshness(sql, 'national'),
      readAggregateFreshness(sql, 'operations'),
    ]);
    if (states.some((s) => s?.updating)) await refreshAggregatesSoon(queues);
  };
  const timer = setInterval(tick, options.everyMs ?? 60_000);
  timer.unref();
  // A failed look (database or Redis away) is retried at the next one; the minute run remains.
  const sweeper = setInterval(() => void sweep().catch(() => {}), options.sweepMs ?? 10_000);
  sweeper.unref();
  tick();
  return {
    stop: () => {
      clearInterval(timer);
      clearInterval(sweeper);
    },
  };
}
