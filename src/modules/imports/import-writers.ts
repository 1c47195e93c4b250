import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { caseCodeSequence, casePeople, cases } from '../../../db/schema/cases';
import { type TImportKind } from '../../../db/schema/imports';
import { people } from '../../../db/schema/people';
import { referrals } from '../../../db/schema/referrals';
import { tickets } from '../../../db/schema/tickets';
import type { TTx } from '../audit/audit.repository';
import { formatCaseCode } from '../cases/case-code.policy';
import { contactSealed } from '../contacts/contact-view';
import { keyringOf } from '../crypto/keyring';
import { sealColumns } from '../crypto/sealed-columns';
import { columnsFor } from '../people/people.service';
import { referralSubjectFrom } from '../referrals/referral-subject.policy';
import { writeCases, writeServiceEvents } from './import-writers-casework';
import type { TGoodRow, TWriteContext } from './import-row.types';

export type { TGoodRow, TImportedPerson, TWriteContext } from './import-row.types';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * A person is always inside a case (the case decides who may see them), so each imported person
 * joins the imported case the row names or gets a closed case of their own; their imported
 * contacts, referrals and services join it.
 */
async function writePeople(tx: TTx, ctx: TWriteContext, rows: TGoodRow[]) {
  const seqs = await tx.execute<{ seq: string }>(
    sql`select nextval(${caseCodeSequence.seqName}) as seq from generate_series(1, ${rows.length})`,
  );
  const year = new Date().getUTCFullYear();
  const made = rows.map((row, i) => {
    const v = row.values;
    const personId = randomUUID();
    const caseId = row.caseId ?? randomUUID();
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
      case: row.caseId
        ? null
        : {
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
  const opened = made.flatMap((m) => (m.case ? [m.case] : []));
  if (opened.length > 0) await tx.insert(cases).values(opened);
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
      case_id: row.person?.caseId ?? row.caseId ?? null,
      hotline: ctx.hotline,
      channel: v.channel,
      language: str(v.language) ?? 'lo',
      caller_type: str(v.caller_type) ?? 'unknown',
      contact_type: v.contact_type,
      caller_province_code: str(v.province_code) ?? null,
      caller_name_enc: enc.callerName ?? null,
      summary_enc: enc.summary ?? null,
      recorded_by_id: ctx.actorId,
      occurred_at: (v.occurred_at as Date).toISOString(),
      duration_seconds: typeof v.duration_minutes === 'number' ? v.duration_minutes * 60 : null,
    };
  });
  // One JSON parameter instead of a dozen per row: the ORM's multi-row insert builds its
  // statement slowly for thousands of rows (the import bench spent most of its time there).
  await tx.execute(sql`insert into contacts (id, case_id, hotline, channel, language, caller_type,
      contact_type, caller_province_code, caller_name_enc, summary_enc, recorded_by_id, occurred_at,
      duration_seconds)
    select * from jsonb_to_recordset(${JSON.stringify(made)}::jsonb) as x(id uuid, case_id uuid,
      hotline text, channel text, language text, caller_type text, contact_type text,
      caller_province_code text, caller_name_enc text, summary_enc text, recorded_by_id uuid,
      occurred_at timestamptz, duration_seconds int)`);
  return made.map((m, i) => ({
    externalId: rows[i]?.externalId ?? '',
    recordId: m.id,
    caseId: m.case_id,
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

const writers = {
  people: writePeople,
  contacts: writeContacts,
  referrals: writeReferrals,
  cases: writeCases,
  service_events: writeServiceEvents,
};

/** Writes one chunk of good rows and their external ids under the batch, in the caller's transaction. */
export async function writeRows(tx: TTx, ctx: TWriteContext, kind: TImportKind, rows: TGoodRow[]) {
  if (rows.length === 0) return;
  const records = await writers[kind](tx, ctx, rows);
  await tx.execute(sql`insert into import_records (hotline, kind, external_id, batch_id, record_id, case_id)
    select ${ctx.hotline}, ${kind}, x.external_id, ${ctx.batchId}::uuid, x.record_id, x.case_id
    from jsonb_to_recordset(${JSON.stringify(
      records.map((r) => ({ external_id: r.externalId, record_id: r.recordId, case_id: r.caseId })),
    )}::jsonb) as x(external_id text, record_id uuid, case_id uuid)`);
}
