import type { TPartnerHours } from '../../../../db/schema/partners';
import type { TReferralPriority } from '../../../../db/schema/referrals';
import type { TTicketState } from '../../../../db/schema/tickets';
import { addOpenMinutes, nextOpenMoment } from './partner-calendar.policy';

export type TSlaTimer = 'acknowledge' | 'decide' | 'update' | 'resolve';

export type TDueTimes = {
  dueAcknowledgeAt: Date;
  dueDecideAt: Date;
  dueUpdateAt: Date;
  dueResolveAt: Date;
};

/**
 * Targets in minutes. Acknowledge and decide count the partner's open time; update and resolve
 * count calendar time (weeks, not office hours) and only move to the next opening.
 * `escalateEvery` spaces the escalation levels after a missed due time.
 */
export const slaTargets: Record<
  TReferralPriority,
  { acknowledge: number; decide: number; update: number; resolve: number; escalateEvery: number }
> = {
  emergency: { acknowledge: 15, decide: 60, update: 1440, resolve: 7 * 1440, escalateEvery: 15 },
  urgent: { acknowledge: 60, decide: 240, update: 3 * 1440, resolve: 14 * 1440, escalateEvery: 60 },
  routine: {
    acknowledge: 480,
    decide: 1440,
    update: 7 * 1440,
    resolve: 30 * 1440,
    escalateEvery: 240,
  },
};

/** Due times of a new ticket; acknowledge → decide are chained in open time. */
export function dueTimesFor(
  priority: TReferralPriority,
  hours: TPartnerHours,
  now: Date,
): TDueTimes {
  const t = slaTargets[priority];
  const dueAcknowledgeAt = addOpenMinutes(hours, now, t.acknowledge);
  return {
    dueAcknowledgeAt,
    dueDecideAt: addOpenMinutes(hours, dueAcknowledgeAt, t.decide),
    dueUpdateAt: updateDueFrom(priority, hours, now),
    dueResolveAt: nextOpenMoment(hours, new Date(now.getTime() + t.resolve * 60_000)),
  };
}

/** When the next progress update is due, counted from the partner's latest action. */
export function updateDueFrom(priority: TReferralPriority, hours: TPartnerHours, from: Date): Date {
  return nextOpenMoment(hours, new Date(from.getTime() + slaTargets[priority].update * 60_000));
}

/** The decide timer starts again when the partner acknowledges (they get the full decide time). */
export function decideDueFrom(priority: TReferralPriority, hours: TPartnerHours, from: Date): Date {
  return addOpenMinutes(hours, from, slaTargets[priority].decide);
}

type TTimedTicket = { state: TTicketState } & Partial<Record<keyof TDueTimes, Date | null>>;

/** The timer the ticket is running against in its state, or null when none runs. */
export function activeTimer(ticket: TTimedTicket): { timer: TSlaTimer; dueAt: Date } | null {
  const pick = (timer: TSlaTimer, dueAt: Date | null | undefined) =>
    dueAt ? { timer, dueAt } : null;
  switch (ticket.state) {
    case 'pending':
      return pick('acknowledge', ticket.dueAcknowledgeAt);
    case 'acknowledged':
      return pick('decide', ticket.dueDecideAt);
    case 'accepted':
    case 'in_progress':
    case 'on_hold': {
      const update = ticket.dueUpdateAt;
      const resolve = ticket.dueResolveAt;
      if (resolve && (!update || resolve <= update)) return pick('resolve', resolve);
      return pick('update', update);
    }
    default:
      return null;
  }
}
