import { and, eq, inArray } from 'drizzle-orm';
import type { TPartnerHours, TPartnerKind } from '../../../../db/schema/partners';
import type { TReferralPriority } from '../../../../db/schema/referrals';
import {
  deliveries,
  ticketEvents,
  tickets,
  type TTicketState,
} from '../../../../db/schema/tickets';
import type { TDatabase } from '../../../infra/database';
import { dueTimesFor } from './sla.policy';

export type TTx = Parameters<Parameters<TDatabase['transaction']>[0]>[0];
export type TDb = TDatabase | TTx;
export type TTicketRow = typeof tickets.$inferSelect;

export type TChannelUnit = {
  id: string;
  organisationKey: string;
  kind: TPartnerKind;
  hours: TPartnerHours;
  usesSystem: boolean;
  webhookUrl: string | null;
  smsNumbers: string[];
};

/** The durable channels a unit is reached on (the portal push is live only, but recorded too). */
export function unitChannels(unit: TChannelUnit): Array<'portal' | 'webhook' | 'sms'> {
  const channels: Array<'portal' | 'webhook' | 'sms'> = [];
  if (unit.usesSystem) channels.push('portal');
  if (unit.webhookUrl) channels.push('webhook');
  if (unit.smsNumbers.length) channels.push('sms');
  return channels;
}

/** Adds delivery rows (one per channel) for an event; an existing one is left as it is. */
export async function addDeliveries(
  tx: TDb,
  ticketId: string,
  event: string,
  rows: Array<{
    channel: 'portal' | 'webhook' | 'sms';
    audience?: 'unit' | 'focal_point' | 'manager';
  }>,
): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await tx
    .insert(deliveries)
    .values(
      rows.map((r) => ({ ticketId, event, channel: r.channel, audience: r.audience ?? 'unit' })),
    )
    .onConflictDoNothing()
    .returning({ id: deliveries.id });
  return inserted.map((r) => r.id);
}

/**
 * Creates the ticket for (referral, unit) with its due times, first event and deliveries. The
 * unique key on (referral, unit) makes a second one impossible: then it returns null.
 */
export async function createTicket(
  tx: TTx,
  input: {
    referral: { id: string; caseId: string; priority: TReferralPriority };
    unit: TChannelUnit;
    needs: string[];
    alternateUnitId: string | null;
    replacesTicketId: string | null;
    basis: string;
    now: Date;
  },
): Promise<{ ticket: TTicketRow; deliveryIds: string[] } | null> {
  const [ticket] = await tx
    .insert(tickets)
    .values({
      referralId: input.referral.id,
      unitId: input.unit.id,
      organisationKey: input.unit.organisationKey,
      caseId: input.referral.caseId,
      needs: input.needs,
      priority: input.referral.priority,
      alternateUnitId: input.alternateUnitId,
      replacesTicketId: input.replacesTicketId,
      ...dueTimesFor(input.referral.priority, input.unit.hours, input.now),
      createdAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!ticket) return null;
  await tx.insert(ticketEvents).values({
    ticketId: ticket.id,
    type: 'created',
    toState: 'pending',
    actorKind: 'system',
    data: { needs: input.needs, consentBasis: input.basis, replaces: input.replacesTicketId },
    createdAt: input.now,
  });
  const deliveryIds = await addDeliveries(
    tx,
    ticket.id,
    'ticket.created',
    unitChannels(input.unit).map((channel) => ({ channel })),
  );
  return { ticket, deliveryIds };
}

export async function ticketsOfReferral(db: TDb, referralId: string): Promise<TTicketRow[]> {
  return db.select().from(tickets).where(eq(tickets.referralId, referralId));
}

export async function pendingDeliveriesOf(db: TDb, ticketIds: string[]): Promise<string[]> {
  if (!ticketIds.length) return [];
  const rows = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(inArray(deliveries.ticketId, ticketIds), eq(deliveries.status, 'pending')));
  return rows.map((r) => r.id);
}

export async function lockTicket(tx: TTx, ticketId: string): Promise<TTicketRow | undefined> {
  const [row] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for('update');
  return row;
}

export const openTicketStates: TTicketState[] = [
  'pending',
  'acknowledged',
  'accepted',
  'in_progress',
  'on_hold',
];
