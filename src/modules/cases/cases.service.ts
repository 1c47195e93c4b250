import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { caseNotes, cases } from '../../../db/schema/cases';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import { readWithAudit } from '../audit/read-with-audit.service';
import type { TActor } from '../auth/actor';
import { can } from '../auth/permissions.policy';
import { keyringOf } from '../crypto/keyring';
import { sealColumns } from '../crypto/sealed-columns';
import { assertCanOnCase } from './case-scope';
import {
  canMoveCase,
  isClosed,
  statusChangeProblem,
  type TStatusChangeInput,
} from './case-status.policy';
import { assertKnownCategory } from './category-codes.repository';
import { cancelFollowUp, openFollowUpIdsOf } from './follow-ups.repository';
import { appendTimeline } from './case-timeline.repository';
import { caseSealed, caseView } from './case-view';
import { casePeopleOf, findCase, findCaseForUpdate, nextCaseCode } from './cases.repository';
import type { TRecordsDeps } from './records.deps';

type TCaseFields = {
  riskLevel?: (typeof cases.$inferInsert)['riskLevel'];
  provinceCode?: string | null;
  categoryCode?: string | null;
  subcategoryCode?: string | null;
  summary?: string | null;
};

export async function createCase(
  deps: TRecordsDeps,
  actor: TActor,
  input: TCaseFields & { hotline: string },
) {
  if (!can(actor, 'case.create', { hotline: input.hotline })) throw new AppError('FORBIDDEN');
  await assertKnownCategory(deps.db, input);
  const id = randomUUID();
  const keyring = keyringOf(deps.config);
  const row = await deps.db.transaction(async (tx) => {
    const { summary, ...plain } = input;
    const [created] = await tx
      .insert(cases)
      .values({
        ...plain,
        id,
        code: await nextCaseCode(tx, new Date()),
        ownerId: actor.userId,
        summaryEnc: sealColumns(keyring, 'cases', id, { summary }, caseSealed).summary ?? null,
      })
      .returning();
    await appendTimeline(tx, { caseId: id, kind: 'case.opened', actorId: actor.userId });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'case.created',
      entityType: 'case',
      entityId: id,
    });
    return created as NonNullable<typeof created>;
  });
  return { ...caseView(keyring, row), people: [] };
}

/** Reading a case is itself audited (`case.viewed`), in the same transaction as the read. */
export async function viewCase(
  deps: TRecordsDeps,
  actor: TActor,
  id: string,
  part: 'case' | 'notes' | 'timeline' | 'contacts' | 'follow-ups' = 'case',
) {
  return readWithAudit(
    deps,
    async (tx) => {
      const row = await findCase(tx, id);
      if (!row) throw new AppError('CASE_NOT_FOUND');
      assertCanOnCase(actor, 'case.view', row);
      return row;
    },
    () => ({
      actorId: actor.userId,
      action: 'case.viewed',
      entityType: 'case',
      entityId: id,
      data: { part },
    }),
  );
}

export async function getCase(deps: TRecordsDeps, actor: TActor, id: string) {
  const row = await viewCase(deps, actor, id);
  return {
    ...caseView(keyringOf(deps.config), row),
    people: await casePeopleOf(deps.db, id),
  };
}

/** Runs a change on a locked case the actor may change, with its audit row, in one transaction. */
export async function changeCase<T>(
  deps: TRecordsDeps,
  actor: TActor,
  id: string,
  action: 'case.update' | 'case.status' | 'case.legal-hold' | 'case.note',
  work: (
    tx: Parameters<Parameters<TRecordsDeps['db']['transaction']>[0]>[0],
    row: NonNullable<Awaited<ReturnType<typeof findCase>>>,
  ) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const row = await findCaseForUpdate(tx, id);
    if (!row) throw new AppError('CASE_NOT_FOUND');
    assertCanOnCase(actor, action, row, 'case.view');
    return work(tx, row);
  });
}

export async function updateCase(
  deps: TRecordsDeps,
  actor: TActor,
  id: string,
  input: TCaseFields & { version: number; ownerId?: string },
) {
  const keyring = keyringOf(deps.config);
  const row = await changeCase(deps, actor, id, 'case.update', async (tx, current) => {
    if (current.version !== input.version) throw new AppError('CONFLICT');
    if (input.ownerId && actor.role !== 'supervisor') throw new AppError('FORBIDDEN');
    if (input.categoryCode !== undefined || input.subcategoryCode !== undefined)
      // The pair as it will stand: a new category must not leave another one's subcategory.
      await assertKnownCategory(tx, {
        categoryCode: input.categoryCode !== undefined ? input.categoryCode : current.categoryCode,
        subcategoryCode:
          input.subcategoryCode !== undefined ? input.subcategoryCode : current.subcategoryCode,
      });
    const { summary, version: _v, ...plain } = input;
    const sealed = sealColumns(keyring, 'cases', id, { summary }, caseSealed);
    const [updated] = await tx
      .update(cases)
      .set({
        ...plain,
        ...(sealed.summary !== undefined && { summaryEnc: sealed.summary }),
        version: current.version + 1,
      })
      .where(eq(cases.id, id))
      .returning();
    const changed = Object.keys(input).filter((k) => k !== 'version');
    await appendTimeline(tx, {
      caseId: id,
      kind: 'case.updated',
      actorId: actor.userId,
      data: { fields: changed },
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'case.updated',
      entityType: 'case',
      entityId: id,
      data: { fields: changed },
    });
    return updated as NonNullable<typeof updated>;
  });
  return { ...caseView(keyring, row), people: await casePeopleOf(deps.db, id) };
}

/**
 * Moves a case along its lifecycle. Closing needs a closure reason and, when follow-ups are
 * still open, the caller's confirmation that they are cancelled (each one audited); reopening
 * needs a reason. A reason's note is kept as an encrypted case note, linked from the timeline.
 */
export async function changeCaseStatus(
  deps: TRecordsDeps,
  actor: TActor,
  id: string,
  input: TStatusChangeInput & { version: number; cancelFollowUps?: boolean | undefined },
) {
  const keyring = keyringOf(deps.config);
  const row = await changeCase(deps, actor, id, 'case.status', async (tx, current) => {
    if (current.version !== input.version) throw new AppError('CONFLICT');
    if (!canMoveCase(current.status, input.status)) throw new AppError('INVALID_TRANSITION');
    const problem = statusChangeProblem(current.status, input);
    if (problem) throw new AppError(problem);
    const closing = isClosed(input.status) && !isClosed(current.status);
    const reopening = isClosed(current.status) && !isClosed(input.status);
    const cancelled = closing ? await openFollowUpIdsOf(tx, id) : [];
    if (cancelled.length && !input.cancelFollowUps) throw new AppError('FOLLOW_UPS_OPEN');
    for (const followUpId of cancelled)
      await cancelFollowUp(tx, deps.config, actor, id, followUpId);
    const [updated] = await tx
      .update(cases)
      .set({
        status: input.status,
        closedAt: isClosed(input.status) ? new Date() : null,
        ...(closing && { closureReason: input.closureReason ?? null }),
        ...(reopening && { closureReason: null }),
        version: current.version + 1,
      })
      .where(eq(cases.id, id))
      .returning();
    const reason = closing ? input.closureReason : reopening ? input.reopenReason : undefined;
    const noteId =
      input.note?.trim() && reason
        ? await insertNote(tx, keyring, actor, id, input.note.trim())
        : null;
    const data = {
      from: current.status,
      to: input.status,
      ...(closing && { closureReason: input.closureReason }),
      ...(reopening && { reopenReason: input.reopenReason }),
      ...(noteId && { noteId }),
      ...(cancelled.length && { cancelledFollowUps: cancelled.length }),
    };
    await appendTimeline(tx, {
      caseId: id,
      kind: 'case.status_changed',
      actorId: actor.userId,
      ...(noteId && { refId: noteId }),
      data,
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'case.status_changed',
      entityType: 'case',
      entityId: id,
      data,
    });
    return updated as NonNullable<typeof updated>;
  });
  return { ...caseView(keyring, row), people: await casePeopleOf(deps.db, id) };
}

async function insertNote(
  tx: Parameters<Parameters<TRecordsDeps['db']['transaction']>[0]>[0],
  keyring: ReturnType<typeof keyringOf>,
  actor: TActor,
  caseId: string,
  body: string,
): Promise<string> {
  const id = randomUUID();
  const bodyEnc = sealColumns(keyring, 'case_notes', id, { body }, { body: 'body_enc' }).body;
  await tx
    .insert(caseNotes)
    .values({ id, caseId, authorId: actor.userId, bodyEnc: bodyEnc as string });
  return id;
}

export async function setLegalHold(
  deps: TRecordsDeps,
  actor: TActor,
  id: string,
  legalHold: boolean,
) {
  await changeCase(deps, actor, id, 'case.legal-hold', async (tx) => {
    await tx.update(cases).set({ legalHold }).where(eq(cases.id, id));
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'case.legal_hold_changed',
      entityType: 'case',
      entityId: id,
      data: { legalHold },
    });
  });
  return getCase(deps, actor, id);
}

export async function addCaseNote(deps: TRecordsDeps, actor: TActor, caseId: string, body: string) {
  const id = randomUUID();
  const keyring = keyringOf(deps.config);
  return changeCase(deps, actor, caseId, 'case.note', async (tx) => {
    const bodyEnc = sealColumns(keyring, 'case_notes', id, { body }, { body: 'body_enc' }).body;
    const [note] = await tx
      .insert(caseNotes)
      .values({ id, caseId, authorId: actor.userId, bodyEnc: bodyEnc as string })
      .returning();
    await appendTimeline(tx, { caseId, kind: 'note.added', actorId: actor.userId, refId: id });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'case.note_added',
      entityType: 'case',
      entityId: caseId,
      data: { noteId: id },
    });
    const created = note as NonNullable<typeof note>;
    return { id, caseId, authorId: created.authorId, body, createdAt: created.createdAt };
  });
}
