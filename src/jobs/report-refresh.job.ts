import { z } from 'zod';
import { defineJob } from './job-contract';

/**
 * Brings the reports' statistical aggregates up to date (the national statistics' person-year
 * tallies and the operations report's per-hour call and per-day routing totals): `full`
 * rebuilds them (daily), otherwise only what changed since the last refresh (every minute),
 * including deletions and moves the database recorded in its stale list. The run id (a minute
 * or a day stamp) makes several worker processes add each run once.
 */
export const reportRefreshJob = defineJob({
  name: 'report-refresh',
  payload: z.object({
    runId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    full: z.boolean(),
  }),
  options: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: { age: 24 * 3600, count: 2_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  jobId: (p) => `report-refresh-${p.full ? 'full' : 'changes'}-${p.runId}`,
});

/**
 * The refresh of what changed, soon: added whenever records are seen written after the last
 * refresh (a report request, the worker's sweep). Its fixed id makes every add while one waits a
 * no-op, so a burst of edits costs one refresh; it is removed once done so the next change can
 * add it again. Same queue and processor as reportRefreshJob (not listed in jobContracts: one
 * worker per queue).
 */
export const reportRefreshSoonJob = defineJob({
  name: reportRefreshJob.name,
  payload: reportRefreshJob.payload,
  options: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
  jobId: () => 'report-refresh-changes-soon',
});

/** How long a refresh waits for more edits before it starts. */
export const REPORT_REFRESH_DEBOUNCE_MS = 5_000;
