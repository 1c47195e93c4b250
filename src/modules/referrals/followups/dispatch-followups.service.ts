import type { TConfig } from '../../../config/config';
import type { TDatabase } from '../../../infra/database';
import type { TRealtimeEmitter } from '../../../infra/realtime-emitter';
import type { JobQueues } from '../../../jobs/job-queues';
import type { TLoadedDelivery } from '../delivery/deliveries.repository';
import { deliverOnce } from '../delivery/deliver.service';
import { smsSender } from '../delivery/sms-sender.provider';
import type { TEscalation } from '../tickets/escalation.service';
import { ticketNotifier } from '../tickets/ticket-notifier.provider';
import type { TTicketRow } from '../tickets/tickets.repository';
import type { TDispatchOutcome } from '../dispatch/dispatch-referral.service';
import { enqueueDelivery, scheduleSlaTimer } from '../runtime/referral-jobs.provider';

export type TFollowupDeps = { config: TConfig; queues: JobQueues; emitter: TRealtimeEmitter };

const timed = (t: TTicketRow) => ({
  ...t,
  priority: t.priority as 'emergency' | 'urgent' | 'routine',
});

/**
 * How long the first, inline webhook attempt may wait for the partner. A hanging partner would
 * otherwise hold a dispatch slot (and so everyone's new tickets) for the full 10 s; past this it
 * becomes a retry job like any other failure, under the same idempotency key.
 */
const INLINE_WEBHOOK_TIMEOUT_MS = 2_000;

/**
 * After the dispatch statement commits: the hotline hears about each ticket, SLA timers go to
 * BullMQ under deterministic ids (so a re-run adds nothing), and the new portal and webhook
 * deliveries are attempted at once, side by side (a partner answering in 50 ms should not cost a
 * job each). Only a delivery that must be retried becomes a job. SMS (a provider call and a magic
 * link) and deliveries a re-run found pending go to jobs as they are.
 */
export async function followUpDispatch(
  deps: TFollowupDeps & { db: TDatabase },
  outcome: TDispatchOutcome,
  now: Date,
): Promise<void> {
  const notify = ticketNotifier(deps.emitter);
  for (const ticket of outcome.tickets) notify.toHotline(ticket, 'created', outcome.requestedBy);
  if (outcome.consentOverridden)
    notify.toSupervisors('referral:consent-overridden', { referralId: outcome.referralId });
  await Promise.all([
    ...outcome.tickets.map((ticket) => scheduleSlaTimer(deps.queues, timed(ticket), now)),
    ...outcome.pendingDeliveryIds.map((id) => enqueueDelivery(deps.queues, deps.config, id)),
    ...outcome.fresh.map((loaded) =>
      loaded.delivery.channel === 'sms'
        ? enqueueDelivery(deps.queues, deps.config, loaded.delivery.id)
        : deliverFresh(deps, loaded, now),
    ),
  ]);
}

/**
 * The first attempt, inline. The delivery row is pending until this marks it, so a worker that
 * dies meanwhile leaves it to the re-run of the stalled dispatch job or to the reconciler: the
 * partner may hear twice, always under the same idempotency key.
 */
async function deliverFresh(
  deps: TFollowupDeps & { db: TDatabase },
  loaded: TLoadedDelivery,
  now: Date,
): Promise<void> {
  const outcome = await deliverOnce(
    {
      db: deps.db,
      config: deps.config,
      notifier: ticketNotifier(deps.emitter),
      sendSms: smsSender(deps.config),
    },
    loaded.delivery.id,
    {
      isLast: deps.config.REFERRAL_DELIVERY_ATTEMPTS <= 1,
      timeoutMs: INLINE_WEBHOOK_TIMEOUT_MS,
    },
    now,
    loaded,
  );
  if (outcome.result === 'retry')
    await enqueueDelivery(deps.queues, deps.config, loaded.delivery.id, {
      afterFirstAttempt: true,
    });
}

/** After an escalation commits: its deliveries, the next level's timer, the hotline pushes. */
export async function followUpEscalation(
  deps: TFollowupDeps,
  escalation: TEscalation,
  now: Date,
): Promise<void> {
  for (const id of escalation.deliveryIds) await enqueueDelivery(deps.queues, deps.config, id);
  await scheduleSlaTimer(deps.queues, timed(escalation.ticket), now);
  if (escalation.alternate) await scheduleSlaTimer(deps.queues, timed(escalation.alternate), now);
  const notify = ticketNotifier(deps.emitter);
  const change = `escalated-${escalation.level}`;
  if (escalation.tellCounsellor)
    notify.toUsers(escalation.ticket, change, [escalation.requestedBy]);
  if (escalation.tellSupervisors) notify.toSupervisorRoom(escalation.ticket, change);
}
