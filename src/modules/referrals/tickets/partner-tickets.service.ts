import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { partnerUnits } from '../../../../db/schema/partners';
import { referrals } from '../../../../db/schema/referrals';
import { ticketEvents, tickets, ticketServices } from '../../../../db/schema/tickets';
import type { TConfig } from '../../../config/config';
import { AppError } from '../../../errors/catalogue';
import type { TDatabase } from '../../../infra/database';
import type { TDbOrTx } from '../../audit/audit.repository';
import { readWithAudit } from '../../audit/read-with-audit.service';
import type { TActor } from '../../auth/actor';
import { can } from '../../auth/permissions.policy';
import { subjectForPartner } from '../partner-view.policy';
import { serviceKindsFor } from './service-kinds.repository';
import { openTicketStates, type TTicketRow } from './tickets.repository';

/** Who is on the partner side: a portal user of an organisation, or a magic link for one ticket. */
export type TPartnerPrincipal =
  { kind: 'portal'; actor: TActor } | { kind: 'magic_link'; ticketId: string; linkId: string };

export type TInbox = 'new' | 'mine' | 'unit';

/** Loads a ticket the principal may reach; anything else is "not found" (never "forbidden"). */
export async function ticketInReach(
  db: TDbOrTx,
  principal: TPartnerPrincipal,
  ticketId: string,
): Promise<TTicketRow> {
  const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId)).limit(1);
  const reachable =
    ticket &&
    (principal.kind === 'magic_link'
      ? principal.ticketId === ticket.id
      : can(principal.actor, 'ticket.view', { organisationKeys: [ticket.organisationKey] }));
  if (!ticket || !reachable) throw new AppError('TICKET_NOT_FOUND');
  return ticket;
}

/** The inbox of a portal user: new tickets, tickets they accepted, or everything open in their organisation. */
export async function partnerInbox(
  db: TDatabase,
  actor: TActor,
  box: TInbox,
  unitId: string | undefined,
) {
  if (!actor.organisationKey) return [];
  const conditions = [eq(tickets.organisationKey, actor.organisationKey)];
  if (box === 'new') conditions.push(eq(tickets.state, 'pending'));
  if (box === 'mine') conditions.push(eq(tickets.assignedUserId, actor.userId));
  if (box === 'unit') conditions.push(inArray(tickets.state, openTicketStates));
  if (unitId) conditions.push(eq(tickets.unitId, unitId));
  return db
    .select({
      id: tickets.id,
      unitId: tickets.unitId,
      state: tickets.state,
      priority: tickets.priority,
      needs: tickets.needs,
      escalationLevel: tickets.escalationLevel,
      dueAcknowledgeAt: tickets.dueAcknowledgeAt,
      dueDecideAt: tickets.dueDecideAt,
      createdAt: tickets.createdAt,
    })
    .from(tickets)
    .where(and(...conditions))
    .orderBy(desc(tickets.createdAt))
    .limit(200);
}

/**
 * What the partner sees of one ticket: its state, due times, the subject fields their kind of
 * service needs, its history (codes, no notes) and the services recorded. Reading is audited.
 */
export async function partnerTicketView(
  deps: { db: TDatabase; config: TConfig },
  principal: TPartnerPrincipal,
  ticketId: string,
) {
  return readWithAudit(
    deps,
    (tx) => partnerTicketRead(tx, principal, ticketId),
    (view) => ({
      actorId: principal.kind === 'portal' ? principal.actor.userId : null,
      action: 'ticket.viewed',
      entityType: 'ticket',
      entityId: view.id,
      data: principal.kind === 'magic_link' ? { via: 'magic_link', linkId: principal.linkId } : {},
    }),
  );
}

async function partnerTicketRead(db: TDbOrTx, principal: TPartnerPrincipal, ticketId: string) {
  const ticket = await ticketInReach(db, principal, ticketId);
  const [unit] = await db.select().from(partnerUnits).where(eq(partnerUnits.id, ticket.unitId));
  const [referral] = await db.select().from(referrals).where(eq(referrals.id, ticket.referralId));
  if (!unit || !referral) throw new AppError('TICKET_NOT_FOUND');
  const events = await db
    .select({
      type: ticketEvents.type,
      fromState: ticketEvents.fromState,
      toState: ticketEvents.toState,
      data: ticketEvents.data,
      at: ticketEvents.createdAt,
    })
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticket.id))
    .orderBy(asc(ticketEvents.id));
  const services = await db
    .select({
      service: ticketServices.service,
      givenOn: ticketServices.givenOn,
      quantity: ticketServices.quantity,
      endsOn: ticketServices.endsOn,
    })
    .from(ticketServices)
    .where(eq(ticketServices.ticketId, ticket.id))
    .orderBy(asc(ticketServices.givenOn));
  const serviceKinds = await serviceKindsFor(db, unit.kind);
  return {
    id: ticket.id,
    state: ticket.state,
    priority: ticket.priority,
    needs: ticket.needs,
    escalationLevel: ticket.escalationLevel,
    declineReason: ticket.declineReason,
    outcome: ticket.outcome,
    dueAcknowledgeAt: ticket.dueAcknowledgeAt,
    dueDecideAt: ticket.dueDecideAt,
    dueUpdateAt: ticket.dueUpdateAt,
    dueResolveAt: ticket.dueResolveAt,
    unit: { id: unit.id, kind: unit.kind, nameLo: unit.nameLo, nameEn: unit.nameEn },
    subject: subjectForPartner(unit.kind, referral.subject),
    events,
    services,
    serviceKinds,
  };
}
