import type { TReferralPriority } from '../../../../db/schema/referrals';
import type { TTicketState } from '../../../../db/schema/tickets';
import { activeTimer, slaTargets, type TDueTimes, type TSlaTimer } from './sla.policy';

export type TEscalationAudience =
  | 'partner_unit'
  | 'focal_point'
  | 'counsellor'
  | 'partner_manager'
  | 'supervisor'
  | 'alternate_partner';

/** Who hears about a missed due time, level by level. */
export const escalationLadder: Record<1 | 2 | 3 | 4, readonly TEscalationAudience[]> = {
  1: ['partner_unit'],
  2: ['focal_point', 'counsellor'],
  3: ['partner_manager', 'supervisor'],
  4: ['alternate_partner'],
};
export const TOP_LEVEL = 4;

export type TEscalatableTicket = {
  state: TTicketState;
  priority: TReferralPriority;
  escalationLevel: number;
} & Partial<Record<keyof TDueTimes, Date | null>>;

export type TEscalationPlan = { timer: TSlaTimer; level: 1 | 2 | 3 | 4; at: Date };

/**
 * The next escalation this ticket will need and when: level L is due `escalateEvery × (L-1)`
 * after the missed due time. Null once the top is reached or no timer runs.
 */
export function nextEscalation(ticket: TEscalatableTicket): TEscalationPlan | null {
  const active = activeTimer(ticket);
  if (!active || ticket.escalationLevel >= TOP_LEVEL) return null;
  const level = (ticket.escalationLevel + 1) as 1 | 2 | 3 | 4;
  const step = slaTargets[ticket.priority].escalateEvery * 60_000;
  return { timer: active.timer, level, at: new Date(active.dueAt.getTime() + (level - 1) * step) };
}

/** The escalation to apply now, if one is due (the sweep and the delayed jobs both ask this). */
export function escalationDue(ticket: TEscalatableTicket, now: Date): TEscalationPlan | null {
  const plan = nextEscalation(ticket);
  return plan && plan.at <= now ? plan : null;
}
