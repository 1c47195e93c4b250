import { asc, eq } from 'drizzle-orm';
import { secondFactorExemptions } from '../../../db/schema/staff';
import type { TStaffRole } from '../../contracts/staff-users';
import type { TDbOrTx } from '../audit/audit.repository';

export type TSecondFactorExemption = typeof secondFactorExemptions.$inferSelect;

export async function listExemptions(db: TDbOrTx): Promise<TSecondFactorExemption[]> {
  return db.select().from(secondFactorExemptions).orderBy(asc(secondFactorExemptions.role));
}

export async function exemptRoles(db: TDbOrTx): Promise<ReadonlySet<TStaffRole>> {
  const rows = await db.select({ role: secondFactorExemptions.role }).from(secondFactorExemptions);
  return new Set(rows.map((r) => r.role));
}

/** Replaces any earlier exemption of the role (a new reason is a new decision). */
export async function saveExemption(
  db: TDbOrTx,
  row: { role: TStaffRole; reason: string; createdBy: string },
): Promise<TSecondFactorExemption> {
  const [saved] = await db
    .insert(secondFactorExemptions)
    .values(row)
    .onConflictDoUpdate({
      target: secondFactorExemptions.role,
      set: { reason: row.reason, createdBy: row.createdBy, createdAt: new Date() },
    })
    .returning();
  return saved as TSecondFactorExemption;
}

export async function deleteExemption(
  db: TDbOrTx,
  role: TStaffRole,
): Promise<TSecondFactorExemption | undefined> {
  const [removed] = await db
    .delete(secondFactorExemptions)
    .where(eq(secondFactorExemptions.role, role))
    .returning();
  return removed;
}
