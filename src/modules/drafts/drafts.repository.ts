import { and, eq, sql } from 'drizzle-orm';
import { contactDrafts } from '../../../db/schema/drafts';
import type { TDbOrTx } from '../audit/audit.repository';

export type TDraftRow = typeof contactDrafts.$inferSelect;

export function draftsRepository(db: TDbOrTx) {
  return {
    async find(ownerId: string, draftKey: string): Promise<TDraftRow | null> {
      const [row] = await db
        .select()
        .from(contactDrafts)
        .where(and(eq(contactDrafts.ownerId, ownerId), eq(contactDrafts.draftKey, draftKey)))
        .limit(1);
      return row ?? null;
    },

    /** Insert or replace, unless the stored copy was changed later (a late, older save loses). */
    async upsert(row: Pick<TDraftRow, 'id' | 'ownerId' | 'draftKey' | 'dataEnc' | 'savedAt'>) {
      const stored = await db
        .insert(contactDrafts)
        .values(row)
        .onConflictDoUpdate({
          target: contactDrafts.id,
          set: { dataEnc: row.dataEnc, savedAt: row.savedAt, updatedAt: new Date() },
          setWhere: sql`${contactDrafts.savedAt} <= excluded.saved_at`,
        })
        .returning({ id: contactDrafts.id });
      return stored.length > 0;
    },

    async remove(ownerId: string, draftKey: string): Promise<void> {
      await db
        .delete(contactDrafts)
        .where(and(eq(contactDrafts.ownerId, ownerId), eq(contactDrafts.draftKey, draftKey)));
    },
  };
}
