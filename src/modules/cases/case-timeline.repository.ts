import { asc, eq } from 'drizzle-orm';
import { caseEvents } from '../../../db/schema/cases';
import type { TDbOrTx } from '../audit/audit.repository';

export type TTimelineKind =
  | 'case.opened'
  | 'case.status_changed'
  | 'case.updated'
  | 'contact.added'
  | 'note.added'
  | 'person.linked'
  | 'consent.recorded'
  | 'referral.requested'
  | 'referral.updated'
  | 'referral.consent_overridden'
  | 'person.identification_changed'
  | 'partner.update'
  | 'followup.added'
  | 'followup.completed'
  | 'followup.cancelled';

/**
 * Adds one entry to a case timeline. Other modules (referrals, partner updates) call this in
 * their own transaction. `data` holds ids and codes only.
 */
export async function appendTimeline(
  tx: TDbOrTx,
  entry: {
    caseId: string;
    kind: TTimelineKind;
    actorId: string | null;
    refId?: string;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(caseEvents).values({
    caseId: entry.caseId,
    kind: entry.kind,
    actorId: entry.actorId,
    refId: entry.refId ?? null,
    data: entry.data ?? {},
  });
}

export function readTimeline(db: TDbOrTx, caseId: string) {
  return db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}
