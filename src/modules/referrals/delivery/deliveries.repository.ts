import { eq, sql } from 'drizzle-orm';
import { hotlines } from '../../../../db/schema/hotlines';
import { partnerUnits } from '../../../../db/schema/partners';
import { referrals } from '../../../../db/schema/referrals';
import { deliveries, tickets } from '../../../../db/schema/tickets';
import type { TDatabase } from '../../../infra/database';

export async function loadDelivery(db: TDatabase, deliveryId: string) {
  const [row] = await db
    .select({ delivery: deliveries, ticket: tickets, unit: partnerUnits, referral: referrals })
    .from(deliveries)
    .innerJoin(tickets, eq(tickets.id, deliveries.ticketId))
    .innerJoin(partnerUnits, eq(partnerUnits.id, tickets.unitId))
    .innerJoin(referrals, eq(referrals.id, tickets.referralId))
    .where(eq(deliveries.id, deliveryId))
    .limit(1);
  return row;
}

export type TLoadedDelivery = NonNullable<Awaited<ReturnType<typeof loadDelivery>>>;

export async function markDelivered(db: TDatabase, id: string, status: number | null, now: Date) {
  await db
    .update(deliveries)
    .set({
      status: 'delivered',
      deliveredAt: now,
      lastStatusCode: status,
      lastError: null,
      attempts: sql`${deliveries.attempts} + 1`,
    })
    .where(eq(deliveries.id, id));
}

/** `error` is a short code or an HTTP status line: never a response body (it could echo data). */
export async function markAttemptFailed(
  db: TDatabase,
  id: string,
  outcome: { status: number | null; error: string; final: boolean },
  now: Date,
) {
  await db
    .update(deliveries)
    .set({
      attempts: sql`${deliveries.attempts} + 1`,
      lastStatusCode: outcome.status,
      lastError: outcome.error.slice(0, 200),
      ...(outcome.final ? { status: 'failed' as const, failedAt: now } : {}),
    })
    .where(eq(deliveries.id, id));
}

/** Caller ID for partner SMS: the number of the hotline that made the referral. */
export async function smsSenderNumber(
  db: TDatabase,
  hotline: string | null,
): Promise<string | null> {
  const rows = await db
    .select({ number: hotlines.number, phone: hotlines.phoneNumber })
    .from(hotlines);
  return (rows.find((r) => r.number === hotline) ?? rows[0])?.phone ?? null;
}
