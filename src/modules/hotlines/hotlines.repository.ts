import { asc, eq } from 'drizzle-orm';
import { hotlines } from '../../../db/schema/hotlines';
import type { TTx } from '../audit/audit.repository';
import type { TDatabase } from '../../infra/database';

export type THotlineRow = typeof hotlines.$inferSelect;

export async function allHotlines(db: TDatabase): Promise<THotlineRow[]> {
  return db.select().from(hotlines).orderBy(asc(hotlines.number));
}

export async function hotlineExists(db: TDatabase, number: string): Promise<boolean> {
  const [row] = await db
    .select({ number: hotlines.number })
    .from(hotlines)
    .where(eq(hotlines.number, number))
    .limit(1);
  return row !== undefined;
}

/** The hotline row, locked until the transaction ends (changes to one hotline queue up). */
export async function lockHotline(tx: TTx, number: string): Promise<THotlineRow | undefined> {
  const [row] = await tx.select().from(hotlines).where(eq(hotlines.number, number)).for('update');
  return row;
}

export async function updateHotline(
  tx: TTx,
  number: string,
  change: Partial<THotlineRow>,
): Promise<THotlineRow> {
  const [row] = await tx
    .update(hotlines)
    .set(change)
    .where(eq(hotlines.number, number))
    .returning();
  return row as THotlineRow;
}
