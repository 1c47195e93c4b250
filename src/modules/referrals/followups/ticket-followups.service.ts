import type { TConfig } from '../../../config/config';
import { enqueueDelivery, scheduleSlaTimer } from '../runtime/referral-jobs.provider';
import type { TReferralRuntime } from '../runtime/referral-runtime.provider';
import type { TChangeResult } from '../tickets/ticket-actions.service';
import { ticketNotifier } from '../tickets/ticket-notifier.provider';

/**
 * After a ticket change commits: its deliveries and the new SLA timer go to BullMQ, and the
 * hotline and the partner organisation see it live. Redis being down loses nothing here: the
 * reconciler re-sends pending deliveries and the SLA sweep finds overdue tickets.
 */
export async function followUpChange(
  runtime: TReferralRuntime & { config: TConfig },
  result: TChangeResult,
  now: Date,
): Promise<void> {
  const notify = ticketNotifier(runtime.emitter);
  try {
    for (const id of result.deliveryIds) await enqueueDelivery(runtime.queues, runtime.config, id);
    await scheduleSlaTimer(
      runtime.queues,
      { ...result.ticket, priority: result.ticket.priority as 'emergency' | 'urgent' | 'routine' },
      now,
    );
    if (!runtime.live()) return;
    notify.toHotline(result.ticket, result.change, result.requestedBy);
    notify.toPartner(result.ticket, result.change);
  } catch {
    // Deliberately swallowed: the change is committed and the safety nets above pick it up.
  }
}
