import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { caseCodeSequence, casePeople, cases } from '../../../db/schema/cases';
import { contacts } from '../../../db/schema/contacts';
import { importRecords, type TImportKind } from '../../../db/schema/imports';
import { people } from '../../../db/schema/people';
import { referrals } from '../../../db/schema/referrals';
import { tickets } from '../../../db/schema/tickets';
import type { TTx } from '../audit/audit.repository';
import type { TRecordsDeps } from '../cases/records.deps';
import { formatCaseCode } from '../cases/case-code.policy';
import { contactSealed } from '../contacts/contact-view';
import { keyringOf } from '../crypto/keyring';
import { sealColumns } from '../crypto/sealed-columns';
import { columnsFor } from '../people/people.service';
import { referralSubjectFrom } from '../referrals/referral-subject.policy';

/** A checked row ready to write, with what its references resolved to. */
export type TGoodRow = {
  externalId: string;
  values: Record<string, unknown>;
  person?: TImportedPerson;
  unit?: { id: string; organisationKey: string };
};
export type TImportedPerson = {
  personId: string;
  caseId: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  ageAtIdentification: number | null;
  under18AtIdentification: boolean | null;
  nationalities: string[];
  residenceProvinceCode: string | null;
};
export type TWriteContext = {
  deps: TRecordsDeps;
  hotline: string;
  batchId: string;
  actorId: string;
};

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * A person is always inside a case (the case decides who may see them), so each imported person
 * gets a closed case of their own; their imported contacts and referrals join it.
 */
async function writePeople(tx: TTx, ctx: TWriteContext, rows: TGoodRow[]) {
  const seqs = await tx.execute<{ seq: string }>(
    sql`select nextval(${caseCodeSequence.seqName}) as seq from generate_series(1, ${rows.length})`,
  );
  const year = new Date().getUTCFullYear();
  const made = rows.map((row, i) => {
    const v = row.values;
    const personId = randomUUID();
    const caseId = randomUUID();
    const status = (str(v.victim_status) ?? 'possible') as 'possible';
    const person = columnsFor(ctx.deps, personId, {
      fullName: str(v.full_name),
      sex: v.sex as 'unknown',
      ageAtIdentification: (v.age as number | undefined) ?? null,
      nationalities: v.nationality ? [v.nationality as string] : [],
      residenceProvinceCode: str(v.province_code) ?? null,
      victimStatus: status,
      identifiedBy: str(v.identified_by) ?? null,
      identificationDate: str(v.identification_date) ?? null,
    });
    return {
      person: { ...person, id: personId, hotline: ctx.hotline, createdById: ctx.actorId },
      case: {
        id: caseId,
        code: formatCaseCode(year, Number(seqs[i]?.seq)),
        hotline: ctx.hotline,
        status: 'closed' as const,
        provinceCode: str(v.province_code) ?? null,
        ownerId: ctx.actorId,
        closedAt: new Date(),
      },
      link: {
        caseId,
        personId,
        role: status === 'possible' ? ('possible_victim' as const) : ('victim' as const),
      },
      record: { externalId: row.externalId, recordId: personId, caseId },
    };
  });
  await tx.insert(cases).values(made.map((m) => m.case));
  await tx.insert(people).values(made.map((m) => m.person));
  await tx.insert(casePeople).values(made.map((m) => m.link));
  return made.map((m) => m.record);
}

async function writeContacts(tx: TTx, ctx: TWriteContext, rows: TGoodRow[]) {
  const keyring = keyringOf(ctx.deps.config);
  const made = rows.map((row) => {
    const v = row.values;
    const id = randomUUID();
    const enc = sealColumns(
      keyring,
      'contacts',
      id,
      { callerName: str(v.caller_name), summary: str(v.summary) },
      contactSealed,
    );
    return {
      id,
      caseId: row.person?.caseId ?? null,
      hotline: ctx.hotline,
      channel: v.channel as 'call',
      language: str(v.language) ?? 'lo',
      callerType: (str(v.caller_type) ?? 'unknown') as 'unknown',
      contactType: v.contact_type as 'crisis',
      callerProvinceCode: str(v.province_code) ?? null,
      callerNameEnc: enc.callerName ?? null,
      summaryEnc: enc.summary ?? null,
      recordedById: ctx.actorId,
      occurredAt: v.occurred_at as Date,
      durationSeconds: typeof v.duration_minutes === 'number' ? v.duration_minutes * 60 : null,
    };
  });
  await tx.insert(contacts).values(made);
  return made.map((m, i) => ({
    externalId: rows[i]?.externalId ?? '',
    recordId: m.id,
    caseId: m.caseId,
  }));
}

/**
 * A historical referral: already sent, so it is stored as dispatched with one ticket to the
 * partner in the state the old system recorded (completed unless told). Both keep the
 * referral's own date, so reports place it in its year.
 */
async function writeReferrals(tx: TTx, ctx: TWriteContext, rows: TGoodRow[]) {
  const made = rows.map((row) => {
    const v = row.values;
    const { person, unit } = row;
    // The run resolves both before a referral row counts as good.
    if (!person || !unit) throw new Error('referral row without its person or partner');
    const id = randomUUID();
    const at = v.referred_at as Date;
    const needs = v.needs as 'shelter'[];
    const priority = (str(v.priority) ?? 'routine') as 'routine';
    return {
      referral: {
        id,
        caseId: person.caseId,
        personId: person.personId,
        hotline: ctx.hotline,
        requestedBy: ctx.actorId,
        needs,
        priority,
        subject: referralSubjectFrom({
          person: { ...person, exploitationForms: [], languages: [], interpreterNeeded: false },
          caseProvinceCode: person.residenceProvinceCode,
        }),
        status: 'dispatched' as const,
        dispatchedAt: at,
        referredAt: at,
        createdAt: at,
      },
      ticket: {
        referralId: id,
        unitId: unit.id,
        organisationKey: unit.organisationKey,
        caseId: person.caseId,
        needs,
        priority,
        state: (str(v.outcome) ?? 'completed') as 'completed',
        createdAt: at,
      },
      record: { externalId: row.externalId, recordId: id, caseId: person.caseId },
    };
  });
  await tx.insert(referrals).values(made.map((m) => m.referral));
  await tx.insert(tickets).values(made.map((m) => m.ticket));
  return made.map((m) => m.record);
}

const writers = { people: writePeople, contacts: writeContacts, referrals: writeReferrals };

/** Writes one chunk of good rows and their external ids under the batch, in the caller's transaction. */
export async function writeRows(tx: TTx, ctx: TWriteContext, kind: TImportKind, rows: TGoodRow[]) {
  if (rows.length === 0) return;
  const records = await writers[kind](tx, ctx, rows);
  await tx
    .insert(importRecords)
    .values(records.map((r) => ({ ...r, hotline: ctx.hotline, kind, batchId: ctx.batchId })));
}
