import { laoToday } from '../hotlines/lao-calendar';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { casePeople, type casePersonRoles } from '../../../db/schema/cases';
import { people } from '../../../db/schema/people';
import { AppError } from '../../errors/catalogue';
import { recordAudit, type TTx } from '../audit/audit.repository';
import { readWithAudit } from '../audit/read-with-audit.service';
import type { TActor } from '../auth/actor';
import { assertCan, type TScopedResource } from '../auth/permissions.policy';
import { keyringOf } from '../crypto/keyring';
import { phoneHash } from '../crypto/phone-hash';
import { sealColumns } from '../crypto/sealed-columns';
import { assertCanOnCase } from '../cases/case-scope';
import { appendTimeline } from '../cases/case-timeline.repository';
import { findCaseForUpdate } from '../cases/cases.repository';
import type { TRecordsDeps } from '../cases/records.deps';
import { caseLanguage } from '../contacts/contact-language.repository';
import { formVersionForRecord } from '../hotlines/form-definitions.service';
import { personLanguageDefaults } from './person-language.policy';
import { personAgeFacts } from './person-stats.policy';
import { personSealed, personView, type TPersonRow } from './person-view';

type TInsert = typeof people.$inferInsert;
type TSealed = Partial<Record<keyof typeof personSealed, string | null>>;
export type TPersonInput = TSealed &
  Partial<
    Pick<
      TInsert,
      | 'sex'
      | 'ageAtIdentification'
      | 'ageEstimated'
      | 'nationalities'
      | 'ethnicity'
      | 'languages'
      | 'interpreterNeeded'
      | 'residenceProvinceCode'
      | 'residenceDistrict'
      | 'victimStatus'
      | 'identifiedBy'
      | 'identificationDate'
      | 'exploitationForms'
      | 'labourSector'
      | 'meansOfControl'
      | 'recruitmentMethod'
      | 'recruiterRelation'
      | 'stageLocations'
      | 'needs'
      | 'under18AtExploitation'
      | 'exploitationStartedOn'
      | 'exploitationEndedOn'
      | 'travelDocuments'
      | 'documentsHeldByOthers'
      | 'transportModes'
      | 'borderCrossing'
      | 'wagesOwedAmount'
      | 'wagesOwedCurrency'
      | 'schoolStatus'
      | 'livesWith'
    >
  > & { exploitationDate?: string | null };

export function personResource(row: Pick<TPersonRow, 'hotline' | 'createdById'>): TScopedResource {
  return { hotline: row.hotline, ownerIds: [row.createdById] };
}

export function columnsFor(
  deps: TRecordsDeps,
  id: string,
  input: TPersonInput,
  current?: TPersonRow,
) {
  const keyring = keyringOf(deps.config);
  const { fullName, alias, dateOfBirth, address, phone, notes, employer, ...rest } = input;
  const { exploitationDate: given, ...plain } = rest;
  // When exploitation began decides whether the person was trafficked as a child.
  const exploitationDate = given ?? input.exploitationStartedOn;
  const enc = sealColumns(
    keyring,
    'people',
    id,
    { fullName, alias, dateOfBirth, address, phone, notes, employer },
    personSealed,
  );
  const ageInputsChanged =
    dateOfBirth !== undefined ||
    input.ageAtIdentification !== undefined ||
    input.identificationDate !== undefined ||
    exploitationDate !== undefined ||
    !current;
  const age = ageInputsChanged
    ? personAgeFacts({
        dateOfBirth: dateOfBirth ?? null,
        ageAtIdentification: input.ageAtIdentification ?? current?.ageAtIdentification ?? null,
        identificationDate: input.identificationDate ?? current?.identificationDate ?? null,
        exploitationDate: exploitationDate ?? current?.exploitationStartedOn ?? null,
        under18AtExploitation:
          input.under18AtExploitation ?? current?.under18AtExploitation ?? null,
        today: laoToday(),
      })
    : {};
  return {
    ...plain,
    ...age,
    ...(enc.fullName !== undefined && { fullNameEnc: enc.fullName }),
    ...(enc.alias !== undefined && { aliasEnc: enc.alias }),
    ...(enc.dateOfBirth !== undefined && { dateOfBirthEnc: enc.dateOfBirth }),
    ...(enc.address !== undefined && { addressEnc: enc.address }),
    ...(enc.phone !== undefined && {
      phoneEnc: enc.phone,
      phoneHash: phone ? phoneHash(keyring, phone) : null,
    }),
    ...(enc.notes !== undefined && { notesEnc: enc.notes }),
    ...(enc.employer !== undefined && { employerEnc: enc.employer }),
  };
}

/** A person is always created inside a case (the case decides who may see them). */
export async function addPersonToCase(
  deps: TRecordsDeps,
  actor: TActor,
  caseId: string,
  input: TPersonInput & { role: (typeof casePersonRoles)[number]; formVersion?: number | null },
) {
  const id = randomUUID();
  const { role, formVersion: askedVersion, ...fields } = input;
  const row = await deps.db.transaction(async (tx) => {
    const target = await findCaseForUpdate(tx, caseId);
    if (!target) throw new AppError('CASE_NOT_FOUND');
    assertCanOnCase(actor, 'person.create', target, 'case.view');
    const spoken = personLanguageDefaults(fields, await caseLanguage(tx, caseId));
    const formVersion = await formVersionForRecord(tx, target.hotline, askedVersion);
    const [created] = await tx
      .insert(people)
      .values({
        ...columnsFor(deps, id, { ...fields, ...spoken }),
        id,
        formVersion,
        hotline: target.hotline,
        createdById: actor.userId,
      })
      .returning();
    await tx.insert(casePeople).values({ caseId, personId: id, role });
    await appendTimeline(tx, {
      caseId,
      kind: 'person.linked',
      actorId: actor.userId,
      refId: id,
      data: { role },
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'person.created',
      entityType: 'person',
      entityId: id,
      data: { caseId, role, formVersion },
    });
    return created as TPersonRow;
  });
  return personView(keyringOf(deps.config), row);
}

export async function loadPerson(tx: TTx, id: string, lock = false): Promise<TPersonRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND');
  const query = tx.select().from(people).where(eq(people.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function getPerson(deps: TRecordsDeps, actor: TActor, id: string) {
  const row = await readWithAudit(
    deps,
    async (tx) => {
      const found = await loadPerson(tx, id);
      assertCan(actor, 'person.view', personResource(found));
      return found;
    },
    () => ({ actorId: actor.userId, action: 'person.viewed', entityType: 'person', entityId: id }),
  );
  return personView(keyringOf(deps.config), row);
}

export async function updatePerson(
  deps: TRecordsDeps,
  actor: TActor,
  id: string,
  input: TPersonInput & { version: number },
) {
  const row = await deps.db.transaction(async (tx) => {
    const current = await loadPerson(tx, id, true);
    assertCan(actor, 'person.update', personResource(current), 'person.view');
    if (current.version !== input.version) throw new AppError('CONFLICT');
    const { version: _v, ...fields } = input;
    const [updated] = await tx
      .update(people)
      .set({ ...columnsFor(deps, id, fields, current), version: current.version + 1 })
      .where(eq(people.id, id))
      .returning();
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'person.updated',
      entityType: 'person',
      entityId: id,
      data: { fields: Object.keys(fields) },
    });
    return updated as TPersonRow;
  });
  return personView(keyringOf(deps.config), row);
}
