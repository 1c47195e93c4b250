import { eq, sql } from 'drizzle-orm';
import { partnerUnits } from '../../../../db/schema/partners';
import { referrals } from '../../../../db/schema/referrals';
import { ticketEvents, tickets, ticketServices } from '../../../../db/schema/tickets';
import type { TConfig } from '../../../config/config';
import { AppError } from '../../../errors/catalogue';
import type { TDatabase } from '../../../infra/database';
import { recordAudit } from '../../audit/audit.repository';
import { appendTimeline } from '../../cases/case-timeline.repository';
import { encryptField } from '../../crypto/field-cipher';
import { keyringFromConfig } from '../../crypto/keyring';
import { decideDueFrom, updateDueFrom } from './sla.policy';
import { nextTicketState, terminalStates, type TTicketChange } from './ticket-state.policy';
import {
  addDeliveries,
  lockTicket,
  unitChannels,
  type TTicketRow,
  type TTx,
} from './tickets.repository';
import { offersService } from './service-kinds.repository';
import { ticketAuditAction } from './ticket-audit.policy';

export type TTicketActor = {
  side: 'partner' | 'hotline';
  kind: 'staff' | 'partner' | 'magic_link';
  /** Staff user id; null for a magic-link session (the link id goes into the event data). */
  userId: string | null;
  linkId?: string;
};

export type TChangeResult = {
  ticket: TTicketRow;
  change: string;
  deliveryIds: string[];
  requestedBy: string;
};

/**
 * One change to a ticket by a partner or the hotline, in one transaction with its append-only
 * event, the case timeline entry and the audit row. Every change bumps the version (so pending
 * SLA timers go stale) and restarts the timer that fits the new state.
 */
export async function changeTicket(
  deps: { db: TDatabase; config: TConfig },
  ticketId: string,
  actor: TTicketActor,
  change: TTicketChange,
  now: Date,
): Promise<TChangeResult> {
  return deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    const [unit] = await tx.select().from(partnerUnits).where(eq(partnerUnits.id, ticket.unitId));
    const [referral] = await tx
      .select({ requestedBy: referrals.requestedBy })
      .from(referrals)
      .where(eq(referrals.id, ticket.referralId));
    if (!unit || !referral) throw new AppError('TICKET_NOT_FOUND');
    let state = ticket.state;
    let label: string = change.kind === 'transition' ? change.event.type : change.kind;
    if (change.kind === 'transition') {
      const move = nextTicketState(ticket, change.event, actor.side);
      if (!move.ok) throw new AppError(move.error);
      state = move.state;
    } else {
      const serviceAllowed =
        change.kind !== 'service' ||
        (actor.side === 'partner' && ['accepted', 'in_progress', 'on_hold'].includes(state));
      if (terminalStates.has(state) || !serviceAllowed) throw new AppError('INVALID_TRANSITION');
      if (change.kind === 'service' && !(await offersService(tx, unit.kind, change.service)))
        throw new AppError('SERVICE_NOT_OFFERED');
    }
    const due: Partial<TTicketRow> = {};
    if (state === 'acknowledged' && ticket.state === 'pending')
      due.dueDecideAt = decideDueFrom(ticket.priority as never, unit.hours, now);
    if (['accepted', 'in_progress', 'on_hold'].includes(state))
      due.dueUpdateAt = updateDueFrom(ticket.priority as never, unit.hours, now);
    const event = change.kind === 'transition' ? change.event : null;
    const [updated] = await tx
      .update(tickets)
      .set({
        state,
        version: ticket.version + 1,
        escalationLevel: 0,
        updatedAt: now,
        ...due,
        ...(event?.type === 'decline' ? { declineReason: event.reason } : {}),
        ...(event?.type === 'complete' ? { outcome: event.outcome } : {}),
        ...(event?.type === 'accept' && actor.userId ? { assignedUserId: actor.userId } : {}),
      })
      .where(eq(tickets.id, ticket.id))
      .returning();
    const note = change.note;
    const eventId = await nextEventId(tx);
    await tx.insert(ticketEvents).values({
      id: eventId,
      noteEnc: note ? sealNote(deps.config, eventId, note) : null,
      ticketId: ticket.id,
      type: label,
      fromState: ticket.state,
      toState: state,
      actorKind: actor.kind,
      actorId: actor.userId,
      data: eventData(change, actor),
      createdAt: now,
    });
    if (change.kind === 'service') {
      await tx.insert(ticketServices).values({
        ticketId: ticket.id,
        caseId: ticket.caseId,
        service: change.service,
        givenOn: change.givenOn,
        quantity: change.quantity,
        endsOn: change.endsOn ?? null,
        recordedBy: actor.userId,
      });
      label = `service_${change.service}`;
    }
    await appendTimeline(tx, {
      caseId: ticket.caseId,
      kind: actor.side === 'partner' ? 'partner.update' : 'referral.updated',
      actorId: actor.userId,
      refId: ticket.id,
      data: { ticketId: ticket.id, change: label, state },
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: ticketAuditAction(change),
      entityType: 'ticket',
      entityId: ticket.id,
      data: {
        state,
        change: label,
        via: actor.kind,
        ...(actor.linkId ? { linkId: actor.linkId } : {}),
      },
    });
    const deliveryIds =
      event?.type === 'withdraw'
        ? await addDeliveries(
            tx,
            ticket.id,
            'ticket.withdrawn',
            unitChannels(unit)
              .filter((c) => c !== 'sms')
              .map((channel) => ({ channel })),
          )
        : [];
    return {
      ticket: updated as TTicketRow,
      change: label,
      deliveryIds,
      requestedBy: referral.requestedBy,
    };
  });
}

function eventData(change: TTicketChange, actor: TTicketActor): Record<string, unknown> {
  const data: Record<string, unknown> = actor.linkId ? { linkId: actor.linkId } : {};
  if (change.kind === 'service')
    return {
      ...data,
      service: change.service,
      givenOn: change.givenOn,
      quantity: change.quantity,
      ...(change.endsOn ? { endsOn: change.endsOn } : {}),
    };
  if (change.kind === 'transition' && change.event.type === 'decline')
    return { ...data, reason: change.event.reason };
  if (change.kind === 'transition' && change.event.type === 'withdraw' && change.event.reason)
    return { ...data, reason: change.event.reason };
  if (change.kind === 'transition' && change.event.type === 'complete')
    return { ...data, outcome: change.event.outcome };
  return data;
}

/**
 * The event's id is drawn before the insert: the note's ciphertext is bound to the row id, and
 * ticket_events refuses updates (db/sql/0001_append_only.sql), so the row is written once, whole.
 */
async function nextEventId(tx: TTx): Promise<number> {
  const [row] = await tx.execute<{ id: string }>(
    sql`select nextval(pg_get_serial_sequence('ticket_events', 'id'))::text as id`,
  );
  return Number(row?.id);
}

function sealNote(config: TConfig, eventId: number, note: string): string {
  return encryptField(
    keyringFromConfig(config),
    { table: 'ticket_events', column: 'note_enc', rowId: String(eventId) },
    note,
  );
}
