import { eq } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema/staff';
import type { TDatabase } from '../../infra/database';

export type TStaffUser = typeof staffUsers.$inferSelect;

export async function findStaffById(db: TDatabase, id: string): Promise<TStaffUser | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return row;
}

export async function findStaffByUsername(
  db: TDatabase,
  username: string,
): Promise<TStaffUser | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.username, username.trim().toLowerCase()))
    .limit(1);
  return row;
}

export async function saveTotpSecret(db: TDatabase, id: string, secretEnc: string): Promise<void> {
  await db.update(staffUsers).set({ totpSecretEnc: secretEnc }).where(eq(staffUsers.id, id));
}
