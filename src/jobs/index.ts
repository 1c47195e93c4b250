import type { TJobContract } from './job-contract';
import { followUpReminderJob } from './follow-up-reminder.job';
import { importRunJob } from './import-run.job';
import { keyRotationJob } from './key-rotation.job';
import { retentionJob } from './retention.job';
import { referralDispatchJob } from './referral-dispatch.job';
import { referralReconcileJob } from './referral-reconcile.job';
import { referralReleaseJob } from './referral-release.job';
import { reportRefreshJob } from './report-refresh.job';
import { ticketDeliveryJob } from './ticket-delivery.job';
import { ticketSlaSweepJob, ticketSlaTimerJob } from './ticket-sla.job';

/**
 * Every job the system runs. The worker process refuses to start if one of these has no
 * processor in workers/processors/index.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const jobContracts: ReadonlyArray<TJobContract<any>> = [
  keyRotationJob,
  retentionJob,
  referralDispatchJob,
  ticketDeliveryJob,
  ticketSlaTimerJob,
  ticketSlaSweepJob,
  referralReconcileJob,
  referralReleaseJob,
  reportRefreshJob,
  followUpReminderJob,
  importRunJob,
];
