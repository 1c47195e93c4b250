import type { Emitter } from '@socket.io/redis-emitter';
import type { TConfig } from '../../config/config';
import type { JobQueues } from '../../jobs/job-queues';
import type { TEscalation } from '../tickets/escalation.service';
import { ticketNotifier } from '../tickets/ticket-notifier.provider';
import type { TTicketRow } from '../tickets/tickets.repository';
import type { TDispatchOutcome } from './dispatch-referral.service';
import { enqueueDelivery, scheduleSlaTimer } from './referral-jobs.provider';

export type TFollowupDeps = { config: TConfig; queues: JobQueues; emitter: Emitter };

const timed = (t: TTicketRow) => ({
  ...t,
  priority: t.priority as 'emergency' | 'urgent' | 'routine',
});

/**
 * After the dispatch transaction commits: deliveries and SLA timers go to BullMQ under
 * deterministic ids (so a re-run adds nothing), and the hotline hears about each ticket.
 */
export async function followUpDispatch(
  deps: TFollowupDeps,
  outcome: TDispatchOutcome,
  now: Date,
): Promise<void> {
  for (const id of outcome.pendingDeliveryIds) await enqueueDelivery(deps.queues, deps.config, id);
  for (const ticket of outcome.tickets) await scheduleSlaTimer(deps.queues, timed(ticket), now);
  const notify = ticketNotifier(deps.emitter);
  for (const ticket of outcome.tickets) notify.toHotline(ticket, 'created', outcome.requestedBy);
  if (outcome.consentOverridden)
    notify.toSupervisors('referral:consent-overridden', { referralId: outcome.referralId });
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
