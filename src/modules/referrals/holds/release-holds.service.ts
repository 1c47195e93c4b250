import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { partnerUnits } from '../../../../db/schema/partners';
import { referralHolds, referrals } from '../../../../db/schema/referrals';
import type { TConfig } from '../../../config/config';
import type { TDatabase, TSql } from '../../../infra/database';
import { consentInputsFor } from '../consent/consent-facts.repository';
import { consentFor, requirementFor } from '../consent/consent.policy';
import type { TDispatchOutcome } from '../dispatch/dispatch-referral.service';
import { plannedTicket } from '../dispatch/dispatch-plan.policy';
import { writeRelease, type TReleasedTicket } from './release.statements';

/**
 * The worker's release: the holds of a referral that were asked to be released (consent was
 * recorded, or an override) go through the same gate again with the records as they are now;
 * each one allowed becomes a ticket, exactly once. The outcome is a dispatch outcome, so the
 * deliveries, SLA timers and pushes follow as for any new ticket.
 */
export async function releaseHeldReferral(
  deps: { db: TDatabase; sql: TSql; config: TConfig },
  referralId: string,
  now: Date,
): Promise<TDispatchOutcome | null> {
  const [referral] = await deps.db.select().from(referrals).where(eq(referrals.id, referralId));
  if (!referral) return null;
  const holds = await deps.db
    .select({ hold: referralHolds, unit: partnerUnits })
    .from(referralHolds)
    .innerJoin(partnerUnits, eq(partnerUnits.id, referralHolds.unitId))
    .where(
      and(
        eq(referralHolds.referralId, referralId),
        eq(referralHolds.status, 'held'),
        isNotNull(referralHolds.releaseRequestedAt),
      ),
    );
  const outcome = {
    referralId: referral.id,
    caseId: referral.caseId,
    requestedBy: referral.requestedBy,
    hotline: referral.hotline,
    pendingDeliveryIds: [],
    blockedUnitIds: [],
    consentOverridden: false,
  };
  if (!holds.length) return { ...outcome, tickets: [], fresh: [] };
  const { facts, requirements } = await consentInputsFor(deps.db, deps.config, referral);
  const released: TReleasedTicket[] = [];
  const stillHeld: Array<{ id: string; requestedAt: Date }> = [];
  for (const { hold, unit } of holds) {
    const gate = consentFor(
      requirementFor(unit.kind, requirements),
      facts,
      hold.overrideReason ? { reason: hold.overrideReason } : null,
    );
    if (!gate.allowed) {
      if (hold.releaseRequestedAt)
        stillHeld.push({ id: hold.id, requestedAt: hold.releaseRequestedAt });
      continue;
    }
    released.push({
      holdId: hold.id,
      ...plannedTicket({
        referral,
        unit,
        needs: hold.needs,
        alternateUnitId: hold.alternateUnitId,
        consentBasis: gate.basis,
        now,
        newId: randomUUID,
      }),
    });
  }
  const ticketIds = new Set(await writeRelease(deps.sql, referral, released, stillHeld, now));
  const created = released.filter((r) => ticketIds.has(r.ticket.id));
  return {
    ...outcome,
    tickets: created.map((r) => r.ticket),
    fresh: created.flatMap(({ ticket, unit, deliveries }) =>
      deliveries.map((delivery) => ({ delivery, ticket, unit, referral })),
    ),
  };
}

/** Holds asked to be released whose job may be lost (Redis down when it was enqueued). */
export async function releasesWaiting(db: TDatabase, before: Date) {
  const rows = await db
    .selectDistinct({
      referralId: referralHolds.referralId,
      requestedAt: referralHolds.releaseRequestedAt,
    })
    .from(referralHolds)
    .where(and(eq(referralHolds.status, 'held'), isNotNull(referralHolds.releaseRequestedAt)))
    .limit(1000);
  return rows.filter(
    (r): r is { referralId: string; requestedAt: Date } =>
      !!r.requestedAt && r.requestedAt < before,
  );
}
