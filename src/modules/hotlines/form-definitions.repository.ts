import { and, desc, eq, sql } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema/staff';
import { formDefinitions } from '../../../db/schema/form-definitions';
import type { TFormDefinition } from '../../contracts/victim-profile';
import type { TDbOrTx } from '../audit/audit.repository';

export type TFormDefinitionRow = typeof formDefinitions.$inferSelect;

export async function latestFormDefinition(
  db: TDbOrTx,
  hotline: string,
): Promise<TFormDefinitionRow | null> {
  const [row] = await db
    .select()
    .from(formDefinitions)
    .where(eq(formDefinitions.hotline, hotline))
    .orderBy(desc(formDefinitions.version))
    .limit(1);
  return row ?? null;
}

export async function formVersionExists(db: TDbOrTx, hotline: string, version: number) {
  const [row] = await db
    .select({ version: formDefinitions.version })
    .from(formDefinitions)
    .where(and(eq(formDefinitions.hotline, hotline), eq(formDefinitions.version, version)))
    .limit(1);
  return row !== undefined;
}

/**
 * Adds the next version. The hotline's row lock serialises two administrators publishing at
 * once; the primary key would refuse a duplicate version anyway.
 */
export async function insertNextFormDefinition(
  db: TDbOrTx,
  input: { hotline: string; definition: TFormDefinition; createdById: string | null },
): Promise<TFormDefinitionRow> {
  await db.execute(sql`select 1 from hotlines where number = ${input.hotline} for update`);
  const latest = await latestFormDefinition(db, input.hotline);
  const [row] = await db
    .insert(formDefinitions)
    .values({ ...input, version: (latest?.version ?? 0) + 1 })
    .returning();
  if (!row) throw new Error('form definition not stored');
  return row;
}

/** Every version of a hotline's form, newest first, with the publisher's display name. */
export async function listFormDefinitions(db: TDbOrTx, hotline: string) {
  return db
    .select({
      version: formDefinitions.version,
      definition: formDefinitions.definition,
      createdAt: formDefinitions.createdAt,
      createdBy: staffUsers.displayName,
    })
    .from(formDefinitions)
    .leftJoin(staffUsers, eq(staffUsers.id, formDefinitions.createdById))
    .where(eq(formDefinitions.hotline, hotline))
    .orderBy(desc(formDefinitions.version));
}
