import { and, eq, inArray } from 'drizzle-orm';
import { partnerUnits } from '../../../db/schema/partners';
import { referralRules, referrals } from '../../../db/schema/referrals';
import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';
import {
  createTicket,
  pendingDeliveriesOf,
  ticketsOfReferral,
  type TTicketRow,
} from '../tickets/tickets.repository';
import { consentFor } from './consent.policy';
import { consentFactsFor } from './consent-facts.repository';
import { recordDispatch } from './dispatch-record.repository';
import { partnersForReferral, type TRoutableUnit } from './routing-rules.policy';

export type TDispatchOutcome = {
  referralId: string;
  caseId: string;
  requestedBy: string;
  hotline: string | null;
  /** Every ticket of the referral, new or not, so follow-ups can be (re)scheduled idempotently. */
  tickets: TTicketRow[];
  pendingDeliveryIds: string[];
  blockedUnitIds: string[];
  consentOverridden: boolean;
};

/**
 * The worker's half of the outbox: under a row lock on the referral, route it, apply the
 * consent gate per unit, create the tickets and their delivery rows, and mark it dispatched —
 * all in one transaction. Run again (stalled job, reconciler) it creates nothing new.
 */
export async function dispatchReferral(
  deps: { db: TDatabase; config: TConfig },
  referralId: string,
  now: Date,
): Promise<TDispatchOutcome | null> {
  return deps.db.transaction(async (tx) => {
    const [referral] = await tx
      .select()
      .from(referrals)
      .where(eq(referrals.id, referralId))
      .for('update');
    if (!referral) return null;
    const blockedUnitIds: string[] = [];
    let consentOverridden = false;
    const outcome = {
      referralId: referral.id,
      caseId: referral.caseId,
      requestedBy: referral.requestedBy,
      hotline: referral.hotline,
    };
    if (referral.status === 'stored') {
      const rules = await tx
        .select()
        .from(referralRules)
        .where(and(eq(referralRules.active, true), inArray(referralRules.need, referral.needs)));
      const unitIds = [...new Set(rules.flatMap((r) => [r.unitId, r.alternateUnitId ?? r.unitId]))];
      const unitRows = unitIds.length
        ? await tx.select().from(partnerUnits).where(inArray(partnerUnits.id, unitIds))
        : [];
      const units = new Map(unitRows.map((u) => [u.id, u]));
      const decision = partnersForReferral(rules, units as Map<string, TRoutableUnit>, {
        needs: referral.needs,
        subject: referral.subject,
      });
      const facts = await consentFactsFor(tx, deps.config, referral);
      const created: Array<{ ticket: TTicketRow; deliveryIds: string[] }> = [];
      for (const routed of decision.units) {
        const unit = units.get(routed.unitId);
        if (!unit) continue;
        const gate = consentFor(unit.kind, facts);
        if (!gate.allowed) {
          blockedUnitIds.push(unit.id);
          continue;
        }
        if (gate.basis === 'danger_override') consentOverridden = true;
        const result = await createTicket(tx, {
          referral,
          unit,
          needs: routed.needs,
          alternateUnitId: routed.alternateUnitId,
          replacesTicketId: null,
          basis: gate.basis,
          now,
        });
        if (result) created.push(result);
      }
      const createdIds = created.map((c) => c.ticket.id);
      const status = createdIds.length
        ? 'dispatched'
        : blockedUnitIds.length
          ? 'blocked_consent'
          : 'unrouted';
      await tx
        .update(referrals)
        .set({
          status,
          unroutedNeeds: decision.unrouted,
          blockedUnitIds,
          dispatchedAt: now,
        })
        .where(eq(referrals.id, referral.id));
      await recordDispatch(tx, deps.config, referral, {
        status,
        ticketIds: createdIds,
        blockedUnitIds,
        unrouted: decision.unrouted,
        consentOverridden,
      });
      // A stored referral has no tickets before this transaction: what it created is all there
      // is, so the two re-reads below (two round trips per referral) are not needed.
      return {
        ...outcome,
        tickets: created.map((c) => c.ticket),
        pendingDeliveryIds: created.flatMap((c) => c.deliveryIds),
        blockedUnitIds,
        consentOverridden,
      };
    }
    const all = await ticketsOfReferral(tx, referral.id);
    return {
      ...outcome,
      tickets: all,
      pendingDeliveryIds: await pendingDeliveriesOf(
        tx,
        all.map((t) => t.id),
      ),
      blockedUnitIds,
      consentOverridden,
    };
  });
}
