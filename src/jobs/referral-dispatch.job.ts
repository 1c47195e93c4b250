import { z } from 'zod';
import { defineJob, retryingJobOptions } from './job-contract';

/** Turns a stored referral into tickets. jobId = referral id: enqueuing it twice is a no-op. */
export const referralDispatchJob = defineJob({
  name: 'referral-dispatch',
  payload: z.object({ referralId: z.string().uuid() }),
  options: retryingJobOptions,
  jobId: (p) => p.referralId,
});
