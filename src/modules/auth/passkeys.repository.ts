import { and, asc, eq } from 'drizzle-orm';
import { staffPasskeys } from '../../../db/schema/staff';
import type { TDbOrTx } from '../audit/audit.repository';

export type TStaffPasskey = typeof staffPasskeys.$inferSelect;

export async function passkeysOf(db: TDbOrTx, userId: string): Promise<TStaffPasskey[]> {
  return db
    .select()
    .from(staffPasskeys)
    .where(eq(staffPasskeys.userId, userId))
    .orderBy(asc(staffPasskeys.createdAt));
}

export async function insertPasskey(
  db: TDbOrTx,
  row: Omit<typeof staffPasskeys.$inferInsert, 'id' | 'createdAt' | 'lastUsedAt'>,
): Promise<TStaffPasskey> {
  const [saved] = await db.insert(staffPasskeys).values(row).returning();
  return saved as TStaffPasskey;
}

export async function markPasskeyUsed(
  db: TDbOrTx,
  id: string,
  signCount: number,
  at: Date,
): Promise<void> {
  await db.update(staffPasskeys).set({ signCount, lastUsedAt: at }).where(eq(staffPasskeys.id, id));
}

/** Removes one of the user's own passkeys; another user's id removes nothing. */
export async function deletePasskey(
  db: TDbOrTx,
  userId: string,
  id: string,
): Promise<TStaffPasskey | undefined> {
  const [removed] = await db
    .delete(staffPasskeys)
    .where(and(eq(staffPasskeys.id, id), eq(staffPasskeys.userId, userId)))
    .returning();
  return removed;
}
