import type { partnerUnits } from '../../../../db/schema/partners';
import type { referrals, TReferralNeed } from '../../../../db/schema/referrals';
import type { deliveries, tickets } from '../../../../db/schema/tickets';
import { dueTimesFor } from '../tickets/sla.policy';
import { unitChannels } from '../tickets/tickets.repository';
import type { TConsentRequirement, TConsentScope } from '../../../contracts/consent-requirements';
import {
  consentFor,
  requirementFor,
  type TConsentFacts,
  type THoldReason,
} from '../consent/consent.policy';
import { partnersForReferral, type TRoutingRule } from '../rules/routing-rules.policy';

export type TReferralRow = typeof referrals.$inferSelect;
export type TUnitRow = typeof partnerUnits.$inferSelect;
export type TTicketRow = typeof tickets.$inferSelect;
export type TDeliveryRow = typeof deliveries.$inferSelect;

export type TPlannedTicket = {
  ticket: TTicketRow;
  unit: TUnitRow;
  consentBasis: string;
  /** One per channel the unit is reached on; the delivery id is the partner's idempotency key. */
  deliveries: TDeliveryRow[];
};

/** A partner the consent gate held back: stored, shown on the desk, released once allowed. */
export type TPlannedHold = {
  unitId: string;
  needs: TReferralNeed[];
  alternateUnitId: string | null;
  scope: TConsentScope;
  reason: THoldReason;
};

export type TDispatchPlan = {
  status: 'dispatched' | 'blocked_consent' | 'unrouted';
  unrouted: TReferralNeed[];
  blockedUnitIds: string[];
  holds: TPlannedHold[];
  consentOverridden: boolean;
  tickets: TPlannedTicket[];
};

/**
 * What a stored referral becomes: routed by the rules, each unit through the consent gate, and
 * every new ticket and delivery row complete with its id, due times and defaults, so the worker
 * writes them all in one statement and delivers without reading them back.
 */
export function planDispatch(input: {
  referral: TReferralRow;
  rules: readonly TRoutingRule[];
  units: ReadonlyMap<string, TUnitRow>;
  facts: TConsentFacts;
  requirements: readonly TConsentRequirement[];
  now: Date;
  newId: () => string;
}): TDispatchPlan {
  const { referral, now } = input;
  const decision = partnersForReferral(input.rules, input.units, {
    needs: referral.needs,
    subject: referral.subject,
  });
  const holds: TPlannedHold[] = [];
  const planned: TPlannedTicket[] = [];
  let consentOverridden = false;
  for (const routed of decision.units) {
    const unit = input.units.get(routed.unitId);
    if (!unit) continue;
    const gate = consentFor(requirementFor(unit.kind, input.requirements), input.facts);
    if (!gate.allowed) {
      holds.push({
        unitId: unit.id,
        needs: routed.needs,
        alternateUnitId: routed.alternateUnitId,
        scope: gate.scope,
        reason: gate.reason,
      });
      continue;
    }
    if (gate.basis === 'danger_override') consentOverridden = true;
    planned.push(
      plannedTicket({
        referral,
        unit,
        needs: routed.needs,
        alternateUnitId: routed.alternateUnitId,
        consentBasis: gate.basis,
        now,
        newId: input.newId,
      }),
    );
  }
  const blockedUnitIds = holds.map((h) => h.unitId);
  return {
    status: planned.length ? 'dispatched' : blockedUnitIds.length ? 'blocked_consent' : 'unrouted',
    unrouted: decision.unrouted,
    blockedUnitIds,
    holds,
    consentOverridden,
    tickets: planned,
  };
}

/** One new ticket for a unit, complete with due times and a delivery row per channel. */
export function plannedTicket(input: {
  referral: TReferralRow;
  unit: TUnitRow;
  needs: TReferralNeed[];
  alternateUnitId: string | null;
  consentBasis: string;
  now: Date;
  newId: () => string;
}): TPlannedTicket {
  const { referral, unit, now } = input;
  const ticket: TTicketRow = {
    id: input.newId(),
    referralId: referral.id,
    unitId: unit.id,
    organisationKey: unit.organisationKey,
    caseId: referral.caseId,
    needs: input.needs,
    priority: referral.priority,
    alternateUnitId: input.alternateUnitId,
    replacesTicketId: null,
    state: 'pending',
    version: 1,
    escalationLevel: 0,
    assignedUserId: null,
    declineReason: null,
    outcome: null,
    ...dueTimesFor(referral.priority, unit.hours, now),
    createdAt: now,
    updatedAt: now,
  };
  const rows = unitChannels(unit).map((channel): TDeliveryRow => ({
    id: input.newId(),
    ticketId: ticket.id,
    channel,
    event: 'ticket.created',
    audience: 'unit',
    status: 'pending',
    attempts: 0,
    lastStatusCode: null,
    lastError: null,
    deliveredAt: null,
    failedAt: null,
    createdAt: now,
    updatedAt: now,
  }));
  return { ticket, unit, consentBasis: input.consentBasis, deliveries: rows };
}
