import type { TConfig } from '../../../config/config';
import type { JobQueues } from '../../../jobs/job-queues';
import { referralDispatchJob } from '../../../jobs/referral-dispatch.job';
import { referralReconcileJob } from '../../../jobs/referral-reconcile.job';
import { referralReleaseJob } from '../../../jobs/referral-release.job';
import { ticketDeliveryJob } from '../../../jobs/ticket-delivery.job';
import { ticketSlaSweepJob, ticketSlaTimerJob } from '../../../jobs/ticket-sla.job';
import { nextEscalation, type TEscalatableTicket } from '../tickets/escalation.policy';

type TQueuesConfig = Pick<TConfig, 'REFERRAL_RETRY_BASE_MS' | 'REFERRAL_DELIVERY_ATTEMPTS'>;

export function enqueueDispatch(queues: JobQueues, referralId: string): Promise<string> {
  return queues.enqueue(referralDispatchJob, { referralId });
}

/** Asks the worker to release a referral's held partners (consent or an override recorded). */
export function enqueueRelease(
  queues: JobQueues,
  referralId: string,
  requestedAt: Date,
): Promise<string> {
  return queues.enqueue(referralReleaseJob, { referralId, requestedAt: requestedAt.getTime() });
}

/**
 * Delivery jobs take their retry schedule from config (tests shorten it; production waits). A
 * finished job under the same id (a failed delivery being re-sent) is removed first.
 * `afterFirstAttempt`: the dispatch worker already tried once inline; the job holds the
 * remaining attempts and starts after the first backoff step (with the same jitter).
 */
export async function enqueueDelivery(
  queues: JobQueues,
  config: TQueuesConfig,
  deliveryId: string,
  options: { replaceFinished?: boolean; afterFirstAttempt?: boolean } = {},
): Promise<void> {
  const data = ticketDeliveryJob.payload.parse({ deliveryId });
  const queue = queues.queue(ticketDeliveryJob.name);
  const jobId = ticketDeliveryJob.jobId(data);
  if (options.replaceFinished) {
    const state = await queue.getJobState(jobId);
    if (state === 'failed' || state === 'completed') await queue.remove(jobId);
  }
  const base = config.REFERRAL_RETRY_BASE_MS;
  await queue.add(ticketDeliveryJob.name, data, {
    ...ticketDeliveryJob.options,
    attempts: Math.max(1, config.REFERRAL_DELIVERY_ATTEMPTS - (options.afterFirstAttempt ? 1 : 0)),
    backoff: { type: 'exponential', delay: base, jitter: 0.5 },
    ...(options.afterFirstAttempt ? { delay: Math.round(base * (1 - 0.5 * Math.random())) } : {}),
    jobId,
  });
}

/** Schedules the ticket's next escalation as a delayed job; nothing when no timer runs. */
export async function scheduleSlaTimer(
  queues: JobQueues,
  ticket: TEscalatableTicket & { id: string; version: number },
  now: Date,
): Promise<void> {
  const plan = nextEscalation(ticket);
  if (!plan) return;
  await queues.enqueue(
    ticketSlaTimerJob,
    { ticketId: ticket.id, version: ticket.version, level: plan.level },
    { delay: Math.max(0, plan.at.getTime() - now.getTime()) },
  );
}

/**
 * Every `everyMs`, adds the SLA sweep and the outbox reconciler under fixed ids (a no-op while
 * one is still waiting). A timer in each worker process rather than a BullMQ scheduler stored
 * in Redis, so the safety nets come back by themselves after Redis loses its data.
 */
export function startReferralTicker(queues: JobQueues, everyMs: number): { stop: () => void } {
  const tick = () => {
    for (const job of [ticketSlaSweepJob, referralReconcileJob])
      queues.enqueue(job, {}).catch(() => {}); // Redis down: the next tick tries again
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return { stop: () => clearInterval(timer) };
}
