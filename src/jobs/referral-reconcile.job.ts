import { z } from 'zod';
import { defineJob } from './job-contract';

/** Periodic: re-enqueues stored referrals and pending deliveries that have no job in Redis. */
export const referralReconcileJob = defineJob({
  name: 'referral-reconcile',
  payload: z.object({}),
  options: { attempts: 1, removeOnComplete: true, removeOnFail: true },
  jobId: () => 'referral-reconcile',
});
