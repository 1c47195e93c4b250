import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, notInArray } from 'drizzle-orm';
import { magicLinks, tickets } from '../../../../db/schema/tickets';
import type { TDatabase } from '../../../infra/database';
import { terminalStates } from '../tickets/ticket-state.policy';

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A fresh link token for one ticket; only its hash is stored. */
export async function createMagicLink(
  db: TDatabase,
  ticketId: string,
  ttlHours: number,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(magicLinks).values({
    ticketId,
    tokenHash: digest(token),
    expiresAt: new Date(now.getTime() + ttlHours * 3600_000),
  });
  return token;
}

/**
 * Spends a link once: the conditional update succeeds for exactly one caller, who gets a
 * session token scoped to the link's ticket. Expired or used links give null.
 */
export async function exchangeMagicLink(
  db: TDatabase,
  token: string,
  ttlHours: number,
  now: Date,
): Promise<{ ticketId: string; sessionToken: string } | null> {
  const sessionToken = randomBytes(32).toString('base64url');
  const [row] = await db
    .update(magicLinks)
    .set({
      usedAt: now,
      sessionHash: digest(sessionToken),
      sessionExpiresAt: new Date(now.getTime() + ttlHours * 3600_000),
    })
    .where(
      and(
        eq(magicLinks.tokenHash, digest(token)),
        isNull(magicLinks.usedAt),
        gt(magicLinks.expiresAt, now),
      ),
    )
    .returning({ ticketId: magicLinks.ticketId });
  return row ? { ticketId: row.ticketId, sessionToken } : null;
}

/**
 * The one ticket a magic-link session may reach, or null when unknown, expired, or the ticket has
 * reached a final state: an SMS link is for acting on a referral, and once it is decided,
 * completed or withdrawn nothing is left to do, so a lost phone no longer opens it.
 */
export async function magicSessionTicket(
  db: TDatabase,
  sessionToken: string,
  now: Date,
): Promise<{ ticketId: string; linkId: string } | null> {
  const [row] = await db
    .select({ ticketId: magicLinks.ticketId, linkId: magicLinks.id })
    .from(magicLinks)
    .innerJoin(tickets, eq(tickets.id, magicLinks.ticketId))
    .where(
      and(
        eq(magicLinks.sessionHash, digest(sessionToken)),
        gt(magicLinks.sessionExpiresAt, now),
        notInArray(tickets.state, [...terminalStates]),
      ),
    )
    .limit(1);
  return row ?? null;
}
