import { and, desc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import { calls } from '../../../db/schema/calls';
import { callerFlags, contacts } from '../../../db/schema/contacts';
import { blockedCallers } from '../../../db/schema/telephony-settings';
import type { TDbOrTx } from '../audit/audit.repository';

export async function callExists(db: TDbOrTx, callId: string): Promise<boolean> {
  const [row] = await db.select({ id: calls.id }).from(calls).where(eq(calls.id, callId)).limit(1);
  return !!row;
}

/** The call the console knows only by its CallSid: row id, hotline, the caller's number hash. */
export async function findCallBySid(db: TDbOrTx, callSid: string) {
  const [row] = await db
    .select({ id: calls.id, hotline: calls.hotline, fromHash: calls.fromHash })
    .from(calls)
    .where(eq(calls.callSid, callSid))
    .limit(1);
  return row ?? null;
}

/** Earlier contacts from one number on the given hotlines, newest first; no personal fields. */
export function earlierContacts(
  db: TDbOrTx,
  hash: string,
  hotlines: readonly string[],
  options: { limit?: number; exceptCallId?: string } = {},
) {
  return db
    .select({
      id: contacts.id,
      caseId: contacts.caseId,
      hotline: contacts.hotline,
      channel: contacts.channel,
      contactType: contacts.contactType,
      categoryCode: contacts.categoryCode,
      occurredAt: contacts.occurredAt,
      noSms: contacts.noSms,
      noVoicemail: contacts.noVoicemail,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.callerPhoneHash, hash),
        inArray(contacts.hotline, [...hotlines]),
        // Contacts already recorded on this very call are not "earlier".
        options.exceptCallId
          ? or(isNull(contacts.callId), ne(contacts.callId, options.exceptCallId))
          : undefined,
      ),
    )
    .orderBy(desc(contacts.occurredAt))
    .limit(options.limit ?? 20);
}

/** Flags still in force: ours (caller_flags) and telephony's blocks (blocked_callers). */
export async function activeFlags(
  db: TDbOrTx,
  hash: string,
  hotlines: readonly string[],
  now: Date,
) {
  const flags = await db
    .select({ kind: callerFlags.kind, hotline: callerFlags.hotline, until: callerFlags.until })
    .from(callerFlags)
    .where(
      and(
        eq(callerFlags.phoneHash, hash),
        inArray(callerFlags.hotline, [...hotlines]),
        or(isNull(callerFlags.until), gt(callerFlags.until, now)),
      ),
    );
  const blocks = await db
    .select({ hotline: blockedCallers.hotline, until: blockedCallers.expiresAt })
    .from(blockedCallers)
    .where(
      and(
        eq(blockedCallers.phoneHash, hash),
        or(isNull(blockedCallers.hotline), inArray(blockedCallers.hotline, [...hotlines])),
        or(isNull(blockedCallers.expiresAt), gt(blockedCallers.expiresAt, now)),
      ),
    );
  return [
    ...flags,
    ...blocks.map((b) => ({ kind: 'blocked' as const, hotline: b.hotline, until: b.until })),
  ];
}
