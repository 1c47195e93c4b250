import type { TAuditAction } from '../../audit/audit-actions';
import type { TTicketChange } from './ticket-state.policy';

const byEvent: Record<string, TAuditAction> = {
  acknowledge: 'ticket.acknowledged',
  accept: 'ticket.accepted',
  decline: 'ticket.declined',
  start: 'ticket.started',
  hold: 'ticket.on_hold',
  resume: 'ticket.resumed',
  complete: 'ticket.completed',
  withdraw: 'ticket.withdrawn',
};

/** The audit event name for a ticket change. */
export function ticketAuditAction(change: TTicketChange): TAuditAction {
  if (change.kind === 'note') return 'ticket.note_added';
  if (change.kind === 'service') return 'ticket.service_recorded';
  return byEvent[change.event.type] as TAuditAction;
}
