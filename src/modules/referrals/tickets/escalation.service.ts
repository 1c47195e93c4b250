import { and, eq, inArray, lt, lte, or } from 'drizzle-orm';
import { partnerUnits } from '../../../../db/schema/partners';
import { referralHolds, referrals, type TReferralNeed } from '../../../../db/schema/referrals';
import { ticketEvents, tickets } from '../../../../db/schema/tickets';
import type { TConfig } from '../../../config/config';
import type { TDatabase } from '../../../infra/database';
import { recordAudit } from '../../audit/audit.repository';
import { appendTimeline } from '../../cases/case-timeline.repository';
import { consentFor, requirementFor } from '../consent/consent.policy';
import { consentInputsFor } from '../consent/consent-facts.repository';
import { escalationDue, escalationLadder } from './escalation.policy';
import {
  addDeliveries,
  createTicket,
  lockTicket,
  openTicketStates,
  unitChannels,
  type TTicketRow,
} from './tickets.repository';

export type TEscalation = {
  ticket: TTicketRow;
  level: number;
  requestedBy: string;
  deliveryIds: string[];
  tellCounsellor: boolean;
  tellSupervisors: boolean;
  alternate: TTicketRow | null;
};

/**
 * Applies the escalation the ticket is due for now, one level. `expected` comes from a delayed
 * timer job: when the ticket changed since (other version) or is at another level, the timer is
 * stale and nothing happens. The sweep passes null and escalates whatever is due.
 */
export async function escalateTicket(
  deps: { db: TDatabase; config: TConfig },
  ticketId: string,
  expected: { version: number; level: number } | null,
  now: Date,
): Promise<TEscalation | null> {
  return deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (!ticket) return null;
    const plan = escalationDue({ ...ticket, priority: ticket.priority as never }, now);
    if (!plan) return null;
    if (expected && (expected.version !== ticket.version || expected.level !== plan.level))
      return null;
    const [referral] = await tx.select().from(referrals).where(eq(referrals.id, ticket.referralId));
    const [unit] = await tx.select().from(partnerUnits).where(eq(partnerUnits.id, ticket.unitId));
    if (!referral || !unit) return null;
    const [updated] = await tx
      .update(tickets)
      .set({ escalationLevel: plan.level, updatedAt: now })
      .where(eq(tickets.id, ticket.id))
      .returning();
    const audience = escalationLadder[plan.level];
    await tx.insert(ticketEvents).values({
      ticketId: ticket.id,
      type: 'escalated',
      actorKind: 'system',
      data: { level: plan.level, timer: plan.timer, audience },
      createdAt: now,
    });
    const event = `ticket.escalated-v${ticket.version}-${plan.level}`;
    let deliveryIds: string[] = [];
    let alternate: TTicketRow | null = null;
    let alternateHeld: string | null = null;
    if (plan.level === 1)
      deliveryIds = await addDeliveries(
        tx,
        ticket.id,
        event,
        unitChannels(unit).map((channel) => ({ channel })),
      );
    if (plan.level === 2 || plan.level === 3) {
      const who = plan.level === 2 ? ('focal_point' as const) : ('manager' as const);
      deliveryIds = await addDeliveries(tx, ticket.id, event, [
        { channel: 'portal', audience: who },
        { channel: 'sms', audience: who },
      ]);
    }
    if (plan.level === 4 && ticket.alternateUnitId) {
      const [alt] = await tx
        .select()
        .from(partnerUnits)
        .where(eq(partnerUnits.id, ticket.alternateUnitId));
      const inputs = alt ? await consentInputsFor(tx, deps.config, referral) : null;
      // An alternate the gate refuses is held back like any partner (shown on the desk with one
      // step to record the consent, released once it is): never dropped silently.
      const gate =
        alt && inputs
          ? consentFor(requirementFor(alt.kind, inputs.requirements), inputs.facts)
          : null;
      if (alt && gate?.allowed) {
        const created = await createTicket(tx, {
          referral,
          unit: alt,
          needs: ticket.needs,
          alternateUnitId: null,
          replacesTicketId: ticket.id,
          basis: gate.basis,
          now,
        });
        alternate = created?.ticket ?? null;
        deliveryIds = created?.deliveryIds ?? [];
      } else if (alt && gate && !gate.allowed) {
        await tx
          .insert(referralHolds)
          .values({
            referralId: referral.id,
            unitId: alt.id,
            needs: ticket.needs as TReferralNeed[],
            alternateUnitId: null,
            scope: gate.scope,
            reason: gate.reason,
          })
          .onConflictDoNothing();
        alternateHeld = alt.id;
      }
    }
    await appendTimeline(tx, {
      caseId: ticket.caseId,
      kind: 'referral.updated',
      actorId: null,
      refId: ticket.id,
      data: {
        ticketId: ticket.id,
        change: 'escalated',
        level: plan.level,
        alternateTicketId: alternate?.id ?? null,
        ...(alternateHeld ? { alternateHeldUnitId: alternateHeld } : {}),
      },
    });
    await recordAudit(tx, deps.config, {
      actorId: null,
      action: 'ticket.escalated',
      entityType: 'ticket',
      entityId: ticket.id,
      data: { level: plan.level, timer: plan.timer, alternateTicketId: alternate?.id ?? null },
    });
    return {
      ticket: updated as TTicketRow,
      level: plan.level,
      requestedBy: referral.requestedBy,
      deliveryIds,
      tellCounsellor: audience.includes('counsellor') || plan.level === 4,
      tellSupervisors: audience.includes('supervisor') || plan.level === 4,
      alternate,
    };
  });
}

/** Open tickets with a due time passed and levels left to climb (the sweep's work list). */
export async function overdueTicketIds(db: TDatabase, now: Date, limit = 500): Promise<string[]> {
  const rows = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        inArray(tickets.state, openTicketStates),
        lt(tickets.escalationLevel, 4),
        or(
          lte(tickets.dueAcknowledgeAt, now),
          lte(tickets.dueDecideAt, now),
          lte(tickets.dueUpdateAt, now),
          lte(tickets.dueResolveAt, now),
        ),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}
