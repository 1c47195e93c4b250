import type { TTicketState } from '../../../../db/schema/tickets';
import { activeTimer, type TSlaTimer } from './sla.policy';

export type TInboxTicket = {
  state: TTicketState;
  escalationLevel: number;
  dueAcknowledgeAt: Date | null;
  dueDecideAt: Date | null;
  dueUpdateAt: Date | null;
  dueResolveAt: Date | null;
};

export type TInboxReason = { timer: TSlaTimer | null; dueAt: Date | null; overdue: boolean };

/**
 * Whether a supervisor should look at this ticket: it was escalated at least once, or the due
 * time running now has passed (the sweep may not have escalated it yet). Null: nothing to do.
 */
export function inboxReason(ticket: TInboxTicket, now: Date): TInboxReason | null {
  const active = activeTimer(ticket);
  const overdue = !!active && active.dueAt <= now;
  if (!overdue && ticket.escalationLevel === 0) return null;
  return { timer: active?.timer ?? null, dueAt: active?.dueAt ?? null, overdue };
}
