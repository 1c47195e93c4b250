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
