import { z } from 'zod';
import { defineJob } from './job-contract';

/** Applies the retention policies once per day id (YYYY-MM-DD), or on an administrator's request. */
export const retentionJob = defineJob({
  name: 'retention-sweep',
  payload: z.object({ runId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
  options: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { age: 30 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  jobId: (p) => `retention-${p.runId}`,
});
