import { z } from 'zod';
import { defineJob, retryingJobOptions } from './job-contract';

/**
 * Releases the partners a referral held back for consent once consent or an override is
 * recorded. One job per request to release (the time it was asked is part of the id): a later
 * consent asks again under a new id, a repeat of the same one is a no-op.
 */
export const referralReleaseJob = defineJob({
  name: 'referral-release',
  payload: z.object({ referralId: z.string().uuid(), requestedAt: z.number().int() }),
  options: retryingJobOptions,
  jobId: (p) => `release-${p.referralId}-${p.requestedAt}`,
});
