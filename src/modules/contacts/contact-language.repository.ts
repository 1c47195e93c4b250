import { desc, eq } from 'drizzle-orm';
import { contacts } from '../../../db/schema/contacts';
import type { TTx } from '../audit/audit.repository';
import type { TDatabase } from '../../infra/database';

/** The language a case's caller spoke: the menu choice, or the counsellor's correction of it. */
export type TCaseLanguage = { language: string; interpreterNeeded: boolean };

/** From the case's latest contact; null when the case has none (opened without a contact). */
export async function caseLanguage(
  db: TTx | TDatabase,
  caseId: string,
): Promise<TCaseLanguage | null> {
  const [row] = await db
    .select({ language: contacts.language, interpreterNeeded: contacts.interpreterNeeded })
    .from(contacts)
    .where(eq(contacts.caseId, caseId))
    .orderBy(desc(contacts.occurredAt), desc(contacts.createdAt))
    .limit(1);
  return row ?? null;
}
