import { and, eq, lt } from 'drizzle-orm';
import { referrals } from '../../../../db/schema/referrals';
import { deliveries, tickets } from '../../../../db/schema/tickets';
import type { TConfig } from '../../../config/config';
import type { TDatabase } from '../../../infra/database';
import type { JobQueues } from '../../../jobs/job-queues';
import { referralDispatchJob } from '../../../jobs/referral-dispatch.job';
import { ticketDeliveryJob } from '../../../jobs/ticket-delivery.job';
import { referralReleaseJob } from '../../../jobs/referral-release.job';
import { enqueueDelivery, enqueueRelease } from '../runtime/referral-jobs.provider';
import { releasesWaiting } from '../holds/release-holds.service';

/** Rows younger than this are probably being enqueued right now by the request that wrote them. */
const GRACE_MS = 5_000;

export type TReconcileResult = { referrals: number; deliveries: number };

/**
 * The outbox's safety net: Postgres is the truth. Any stored referral or pending delivery with
 * no live job (Redis lost its data, an enqueue failed after commit, a job gave up while the row
 * still waits) is enqueued again under its deterministic id.
 */
export async function reconcileOutbox(
  deps: { db: TDatabase; config: TConfig; queues: JobQueues },
  now: Date,
): Promise<TReconcileResult> {
  const before = new Date(now.getTime() - GRACE_MS);
  const stored = await deps.db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.status, 'stored'), lt(referrals.createdAt, before)))
    .limit(1000);
  const dispatchQueue = deps.queues.queue(referralDispatchJob.name);
  let referralCount = 0;
  for (const { id } of stored) {
    if (await hasLiveJob(dispatchQueue, id)) continue;
    await deps.queues.enqueue(referralDispatchJob, { referralId: id });
    referralCount += 1;
  }
  const releaseQueue = deps.queues.queue(referralReleaseJob.name);
  for (const { referralId, requestedAt } of await releasesWaiting(deps.db, before)) {
    const jobId = referralReleaseJob.jobId({ referralId, requestedAt: requestedAt.getTime() });
    if (await hasLiveJob(releaseQueue, jobId)) continue;
    await enqueueRelease(deps.queues, referralId, requestedAt);
    referralCount += 1;
  }
  const pending = await deps.db
    .select({ id: deliveries.id, referralId: tickets.referralId })
    .from(deliveries)
    .innerJoin(tickets, eq(tickets.id, deliveries.ticketId))
    .where(and(eq(deliveries.status, 'pending'), lt(deliveries.createdAt, before)))
    .limit(1000);
  const deliveryQueue = deps.queues.queue(ticketDeliveryJob.name);
  let deliveryCount = 0;
  for (const { id, referralId } of pending) {
    if (await hasLiveJob(deliveryQueue, ticketDeliveryJob.jobId({ deliveryId: id }))) continue;
    // The dispatch job attempts the deliveries it created itself (a slow partner can hold that
    // attempt for seconds): while it runs, a second sender would only duplicate the message.
    if ((await dispatchQueue.getJobState(referralId)) === 'active') continue;
    await enqueueDelivery(deps.queues, deps.config, id, { replaceFinished: true });
    deliveryCount += 1;
  }
  return { referrals: referralCount, deliveries: deliveryCount };
}

async function hasLiveJob(queue: ReturnType<JobQueues['queue']>, jobId: string): Promise<boolean> {
  const state = await queue.getJobState(jobId);
  if (state === 'failed' || state === 'completed') {
    await queue.remove(jobId);
    return false;
  }
  return state !== 'unknown';
}
