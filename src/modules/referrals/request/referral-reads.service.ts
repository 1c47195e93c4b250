import { and, desc, eq, inArray } from 'drizzle-orm';
import { partnerUnits } from '../../../../db/schema/partners';
import { referralHolds, referrals } from '../../../../db/schema/referrals';
import { deliveries, tickets } from '../../../../db/schema/tickets';
import type { TConfig } from '../../../config/config';
import { AppError } from '../../../errors/catalogue';
import type { TDatabase } from '../../../infra/database';
import { recordAudit } from '../../audit/audit.repository';
import type { TActor } from '../../auth/actor';
import { can } from '../../auth/permissions.policy';
import { assertCanOnCase, caseResource } from '../../cases/case-scope';
import { findCase } from '../../cases/cases.repository';

/** The referrals of a case and their tickets, for the counsellor and supervisor. */
export async function referralsOfCase(db: TDatabase, actor: TActor, caseId: string) {
  const caseRow = await findCase(db, caseId);
  if (!caseRow) throw new AppError('CASE_NOT_FOUND');
  assertCanOnCase(actor, 'referral.view', caseRow);
  const rows = await db
    .select()
    .from(referrals)
    .where(eq(referrals.caseId, caseId))
    .orderBy(desc(referrals.createdAt));
  const ids = rows.map((r) => r.id);
  const ticketRows = ids.length
    ? await db
        .select({
          ticket: tickets,
          unitName: partnerUnits.nameEn,
          unitNameLo: partnerUnits.nameLo,
          unitKind: partnerUnits.kind,
        })
        .from(tickets)
        .innerJoin(partnerUnits, eq(partnerUnits.id, tickets.unitId))
        .where(inArray(tickets.referralId, ids))
    : [];
  const holdRows = ids.length
    ? await db
        .select({
          hold: referralHolds,
          unitName: partnerUnits.nameEn,
          unitNameLo: partnerUnits.nameLo,
          unitKind: partnerUnits.kind,
        })
        .from(referralHolds)
        .innerJoin(partnerUnits, eq(partnerUnits.id, referralHolds.unitId))
        .where(inArray(referralHolds.referralId, ids))
    : [];
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    isChild: r.subject.isChild,
    needs: r.needs,
    priority: r.priority,
    status: r.status,
    dangerOverride: r.dangerOverride,
    unroutedNeeds: r.unroutedNeeds,
    blockedUnitIds: r.blockedUnitIds,
    createdAt: r.createdAt,
    tickets: ticketRows
      .filter((t) => t.ticket.referralId === r.id)
      .map(({ ticket, unitName, unitNameLo, unitKind }) => ({
        id: ticket.id,
        unitId: ticket.unitId,
        unitName,
        unitNameLo,
        unitKind,
        state: ticket.state,
        escalationLevel: ticket.escalationLevel,
        replacesTicketId: ticket.replacesTicketId,
        declineReason: ticket.declineReason,
        outcome: ticket.outcome,
        dueAcknowledgeAt: ticket.dueAcknowledgeAt,
      })),
    // Partners the consent gate held back, released or not: never dropped from view.
    holds: holdRows
      .filter((h) => h.hold.referralId === r.id)
      .map(({ hold, unitName, unitNameLo, unitKind }) => ({
        id: hold.id,
        unitId: hold.unitId,
        unitName,
        unitNameLo,
        unitKind,
        needs: hold.needs,
        scope: hold.scope,
        reason: hold.reason,
        status: hold.status,
        releasing: hold.status === 'held' && hold.releaseRequestedAt !== null,
        overrideReason: hold.overrideReason,
        ticketId: hold.ticketId,
      })),
  }));
}

/** Checks a ticket belongs to a case the staff member may act on (else 404). */
export async function assertTicketInStaffReach(db: TDatabase, actor: TActor, ticketId: string) {
  const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId)).limit(1);
  const caseRow = ticket ? await findCase(db, ticket.caseId) : undefined;
  if (!ticket || !caseRow || !can(actor, 'referral.withdraw', caseResource(caseRow)))
    throw new AppError('TICKET_NOT_FOUND');
  return ticket;
}

/** The failed-delivery list: what never reached a partner and needs a person to look at it. */
export async function failedDeliveries(db: TDatabase, actor: TActor) {
  const rows = await db
    .select({
      id: deliveries.id,
      ticketId: deliveries.ticketId,
      channel: deliveries.channel,
      event: deliveries.event,
      attempts: deliveries.attempts,
      lastStatusCode: deliveries.lastStatusCode,
      lastError: deliveries.lastError,
      failedAt: deliveries.failedAt,
      hotline: referrals.hotline,
      unitName: partnerUnits.nameEn,
      unitNameLo: partnerUnits.nameLo,
    })
    .from(deliveries)
    .innerJoin(tickets, eq(tickets.id, deliveries.ticketId))
    .innerJoin(referrals, eq(referrals.id, tickets.referralId))
    .innerJoin(partnerUnits, eq(partnerUnits.id, tickets.unitId))
    .where(eq(deliveries.status, 'failed'))
    .orderBy(desc(deliveries.failedAt))
    .limit(500);
  return rows.filter((r) => can(actor, 'delivery.failed.view', { hotline: r.hotline }));
}

/** Puts a failed delivery back to pending so it is sent again (same idempotency key); audited. */
export async function reopenDelivery(
  deps: { db: TDatabase; config: TConfig },
  actor: TActor,
  deliveryId: string,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(deliveries)
      .set({ status: 'pending', failedAt: null })
      .where(and(eq(deliveries.id, deliveryId), eq(deliveries.status, 'failed')))
      .returning({ id: deliveries.id });
    if (!row) return false;
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'delivery.resent',
      entityType: 'delivery',
      entityId: deliveryId,
    });
    return true;
  });
}
