import { and, eq, inArray, sql } from 'drizzle-orm';
import { casePeople } from '../../../db/schema/cases';
import { contacts } from '../../../db/schema/contacts';
import { importBatches, importRecords, type TImportKind } from '../../../db/schema/imports';
import { people } from '../../../db/schema/people';
import { partnerUnits } from '../../../db/schema/partners';
import { referrals } from '../../../db/schema/referrals';
import { cases } from '../../../db/schema/cases';
import { organisations } from '../../../db/schema/reference';
import { tickets, ticketServices } from '../../../db/schema/tickets';
import type { TDatabase } from '../../infra/database';
import type { TTx } from '../audit/audit.repository';
import { AppError } from '../../errors/catalogue';
import type { TImportedPerson } from './import-writers';

export type TImportBatchRow = typeof importBatches.$inferSelect;

export async function loadBatch(db: TDatabase | TTx, id: string): Promise<TImportBatchRow> {
  const [row] = await db.select().from(importBatches).where(eq(importBatches.id, id)).limit(1);
  if (!row) throw new AppError('IMPORT_NOT_FOUND');
  return row;
}

export async function updateBatch(
  db: TDatabase | TTx,
  id: string,
  values: Partial<typeof importBatches.$inferInsert>,
): Promise<void> {
  await db.update(importBatches).set(values).where(eq(importBatches.id, id));
}

/** External ids of this kind that an earlier batch already imported. */
export async function knownExternalIds(
  db: TDatabase,
  hotline: string,
  kind: TImportKind,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: importRecords.externalId })
    .from(importRecords)
    .where(
      and(
        eq(importRecords.hotline, hotline),
        eq(importRecords.kind, kind),
        inArray(importRecords.externalId, ids),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Imported people by their external id, with the facts a referral's subject copies. */
export async function importedPeople(
  db: TDatabase,
  hotline: string,
  ids: string[],
): Promise<Map<string, TImportedPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      externalId: importRecords.externalId,
      personId: people.id,
      caseId: importRecords.caseId,
      sex: people.sex,
      ageAtIdentification: people.ageAtIdentification,
      under18AtIdentification: people.under18AtIdentification,
      nationalities: people.nationalities,
      residenceProvinceCode: people.residenceProvinceCode,
    })
    .from(importRecords)
    .innerJoin(people, eq(people.id, importRecords.recordId))
    .where(
      and(
        eq(importRecords.hotline, hotline),
        eq(importRecords.kind, 'people'),
        inArray(importRecords.externalId, ids),
      ),
    );
  return new Map(
    rows.flatMap(({ externalId, caseId, ...p }) =>
      caseId ? [[externalId, { ...p, caseId }]] : [],
    ),
  );
}

/** Imported cases by their external id: the case's id. */
export async function importedCases(
  db: TDatabase,
  hotline: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ externalId: importRecords.externalId, caseId: importRecords.recordId })
    .from(importRecords)
    .where(
      and(
        eq(importRecords.hotline, hotline),
        eq(importRecords.kind, 'cases'),
        inArray(importRecords.externalId, ids),
      ),
    );
  return new Map(rows.map((r) => [r.externalId, r.caseId]));
}

/** Every organisation's key: an imported service event names who gave it. */
export async function organisationKeys(db: TDatabase): Promise<Set<string>> {
  const rows = await db.select({ key: organisations.key }).from(organisations);
  return new Set(rows.map((r) => r.key));
}

/** Each organisation's first active unit: imported referrals name the organisation by its key. */
export async function partnerUnitsByOrganisation(
  db: TDatabase,
): Promise<Map<string, { id: string; organisationKey: string }>> {
  const rows = await db
    .select({ id: partnerUnits.id, organisationKey: partnerUnits.organisationKey })
    .from(partnerUnits)
    .where(eq(partnerUnits.active, true))
    .orderBy(partnerUnits.createdAt);
  const map = new Map<string, { id: string; organisationKey: string }>();
  for (const r of rows) if (!map.has(r.organisationKey)) map.set(r.organisationKey, r);
  return map;
}

async function refuseIfHeld(tx: TTx, held: ReturnType<typeof sql>) {
  const [row] = await tx.execute<{ n: number }>(held);
  if (Number(row?.n ?? 0) > 0) throw new AppError('IMPORT_UNDO_BLOCKED');
}

/**
 * Removes exactly the records of one batch. Cases and people are refused while anything outside
 * the batch (a later contact, referral, ticket, service or person) hangs on them: undo would take
 * it with them. A person who joined an imported case leaves it; the case stays with its batch.
 */
export async function deleteBatchRecords(tx: TTx, batchId: string, kind: TImportKind) {
  const ids = tx
    .select({ id: importRecords.recordId })
    .from(importRecords)
    .where(eq(importRecords.batchId, batchId));
  if (kind === 'referrals') {
    await tx.delete(tickets).where(inArray(tickets.referralId, ids));
    await tx.delete(referrals).where(inArray(referrals.id, ids));
  } else if (kind === 'contacts') {
    await tx.delete(contacts).where(inArray(contacts.id, ids));
  } else if (kind === 'service_events') {
    await tx.delete(ticketServices).where(inArray(ticketServices.id, ids));
  } else if (kind === 'cases') {
    await refuseIfHeld(
      tx,
      sql`select (select count(*) from case_people where case_id in ${ids})
        + (select count(*) from contacts where case_id in ${ids})
        + (select count(*) from referrals where case_id in ${ids})
        + (select count(*) from tickets where case_id in ${ids})
        + (select count(*) from ticket_services where case_id in ${ids}) as n`,
    );
    await tx.delete(cases).where(inArray(cases.id, ids));
  } else {
    // The cases this batch opened for its people, not the imported cases some of them joined.
    const ownCases = sql`(select r.case_id from import_records r where r.batch_id = ${batchId}
      and r.case_id not in (select record_id from import_records where kind = 'cases'))`;
    await refuseIfHeld(
      tx,
      sql`select (select count(*) from contacts where case_id in ${ownCases})
        + (select count(*) from referrals where case_id in ${ownCases} or person_id in ${ids})
        + (select count(*) from tickets where case_id in ${ownCases})
        + (select count(*) from ticket_services where case_id in ${ownCases} or person_id in ${ids})
        + (select count(*) from case_people where case_id in ${ownCases} and person_id not in ${ids}) as n`,
    );
    await tx.delete(casePeople).where(inArray(casePeople.personId, ids));
    await tx.delete(people).where(inArray(people.id, ids));
    await tx.execute(sql`delete from cases where id in ${ownCases}`);
  }
  const gone = await tx
    .delete(importRecords)
    .where(eq(importRecords.batchId, batchId))
    .returning({ id: importRecords.recordId });
  return gone.length;
}
