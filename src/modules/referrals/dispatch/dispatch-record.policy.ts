import type { TDispatchPlan, TReferralRow } from './dispatch-plan.policy';
import type { TDispatchAudit } from './dispatch.statements';

/**
 * What the worker decided, as it goes on the case timeline, and the audit rows: the audit chain
 * takes the consent decisions (an override, a block); the routine outcome goes to the timeline
 * only.
 */
export function dispatchRecord(
  referral: Pick<TReferralRow, 'id' | 'requestedBy'>,
  plan: TDispatchPlan,
): { timeline: Record<string, unknown>; audits: TDispatchAudit[] } {
  const ticketIds = plan.tickets.map((t) => t.ticket.id);
  const audits: TDispatchAudit[] = [];
  if (plan.consentOverridden)
    audits.push({
      action: 'referral.consent_overridden',
      data: { requestedBy: referral.requestedBy, ticketIds },
    });
  if (plan.blockedUnitIds.length)
    audits.push({
      action: 'referral.consent_blocked',
      data: { blockedUnitIds: plan.blockedUnitIds },
    });
  return {
    timeline: {
      referralId: referral.id,
      change: 'dispatched',
      status: plan.status,
      ticketIds,
      blockedUnitIds: plan.blockedUnitIds,
      unroutedNeeds: plan.unrouted,
    },
    audits,
  };
}
