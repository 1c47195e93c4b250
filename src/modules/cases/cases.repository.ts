import { eq, sql } from 'drizzle-orm';
import { caseCodeSequence, casePeople, cases } from '../../../db/schema/cases';
import type { TDbOrTx } from '../audit/audit.repository';
import { formatCaseCode } from './case-code.policy';

export type TCaseRow = typeof cases.$inferSelect;

export async function findCase(db: TDbOrTx, id: string): Promise<TCaseRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).limit(1);
  return row;
}

/** Locks the row for the rest of the transaction so concurrent edits queue up. */
export async function findCaseForUpdate(db: TDbOrTx, id: string): Promise<TCaseRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).for('update').limit(1);
  return row;
}

export async function nextCaseCode(db: TDbOrTx, now: Date): Promise<string> {
  const [row] = await db.execute<{ seq: string }>(
    sql`select nextval(${caseCodeSequence.seqName}) as seq`,
  );
  return formatCaseCode(now.getUTCFullYear(), Number(row?.seq));
}

export function casePeopleOf(db: TDbOrTx, caseId: string) {
  return db
    .select({ personId: casePeople.personId, role: casePeople.role })
    .from(casePeople)
    .where(eq(casePeople.caseId, caseId));
}
