import { randomUUID } from 'node:crypto';
import { and, arrayContains, asc, eq, inArray, isNull } from 'drizzle-orm';
import { caseFollowUps } from '../../../db/schema/cases';
import { staffUsers } from '../../../db/schema/staff';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { keyringOf, type TKeyring } from '../crypto/keyring';
import { openColumns, sealColumns } from '../crypto/sealed-columns';
import { assertCanOnCase } from './case-scope';
import { isClosed } from './case-status.policy';
import { appendTimeline } from './case-timeline.repository';
import { changeCase, viewCase } from './cases.service';
import { findCase } from './cases.repository';
import { isPastDay, vientianeToday } from './follow-up-due.policy';
import {
  findFollowUp,
  followUpsOfCase,
  openFollowUpsDueBy,
  type TFollowUpRow,
} from './follow-ups.repository';
import type { TRecordsDeps } from './records.deps';

const sealed = { task: 'task_enc' } as const;

function followUpView(keyring: TKeyring, row: TFollowUpRow) {
  const { taskEnc, ...plain } = row;
  const { task } = openColumns(keyring, 'case_follow_ups', row.id, { task: taskEnc }, sealed);
  return { ...plain, task: task ?? '' };
}

/** Adds a follow-up; the assignee must be an active counsellor or supervisor of the hotline. */
export async function addFollowUp(
  deps: TRecordsDeps,
  actor: TActor,
  caseId: string,
  input: { assigneeId: string; dueOn: string; task: string },
  now: Date,
) {
  if (isPastDay(input.dueOn, now)) throw new AppError('BAD_DUE_DATE');
  const id = randomUUID();
  const keyring = keyringOf(deps.config);
  return changeCase(deps, actor, caseId, 'case.note', async (tx, row) => {
    if (isClosed(row.status)) throw new AppError('INVALID_TRANSITION');
    const [assignee] = await tx
      .select({
        hotlines: staffUsers.hotlines,
        role: staffUsers.role,
        name: staffUsers.displayName,
      })
      .from(staffUsers)
      .where(and(eq(staffUsers.id, input.assigneeId), isNull(staffUsers.disabledAt)));
    const servesHotline =
      assignee &&
      (assignee.role === 'counsellor' || assignee.role === 'supervisor') &&
      assignee.hotlines.includes(row.hotline);
    if (!servesHotline) throw new AppError('ASSIGNEE_NOT_ON_HOTLINE');
    const taskEnc = sealColumns(keyring, 'case_follow_ups', id, { task: input.task }, sealed).task;
    const [created] = await tx
      .insert(caseFollowUps)
      .values({
        id,
        caseId,
        assigneeId: input.assigneeId,
        createdBy: actor.userId,
        dueOn: input.dueOn,
        taskEnc: taskEnc as string,
      })
      .returning();
    const data = { followUpId: id, assigneeId: input.assigneeId, dueOn: input.dueOn };
    await appendTimeline(tx, {
      caseId,
      kind: 'followup.added',
      actorId: actor.userId,
      refId: id,
      data,
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'case.follow_up_added',
      entityType: 'case',
      entityId: caseId,
      data,
    });
    return {
      ...followUpView(keyring, created as TFollowUpRow),
      assigneeName: assignee.name,
    };
  });
}

/** A case's follow-ups, open and finished (reading them is a read of the case: audited). */
export async function listFollowUps(deps: TRecordsDeps, actor: TActor, caseId: string) {
  await viewCase(deps, actor, caseId, 'follow-ups');
  const keyring = keyringOf(deps.config);
  const rows = await followUpsOfCase(deps.db, caseId);
  return rows.map((r) => ({ ...followUpView(keyring, r.followUp), assigneeName: r.assigneeName }));
}

/**
 * "My follow-ups today": the actor's open follow-ups due today or earlier, overdue first. The
 * task text is case content, so each case shown gets its read audited.
 */
export async function myFollowUpsDue(deps: TRecordsDeps, actor: TActor, now: Date) {
  const today = vientianeToday(now);
  const keyring = keyringOf(deps.config);
  const rows = await openFollowUpsDueBy(deps.db, actor.userId, today);
  const caseIds = [...new Set(rows.map((r) => r.followUp.caseId))];
  if (caseIds.length)
    await deps.db.transaction(async (tx) => {
      for (const caseId of caseIds)
        await recordAudit(tx, deps.config, {
          actorId: actor.userId,
          action: 'case.viewed',
          entityType: 'case',
          entityId: caseId,
          data: { part: 'follow-ups-due' },
        });
    });
  return rows.map((r) => ({
    ...followUpView(keyring, r.followUp),
    caseCode: r.caseCode,
    overdue: r.followUp.dueOn < today,
  }));
}

/** Marks a follow-up done: its assignee, or anyone who may change the case. */
export async function completeFollowUp(deps: TRecordsDeps, actor: TActor, id: string) {
  return deps.db.transaction(async (tx) => {
    const row = await findFollowUp(tx, id);
    const caseRow = row ? await findCase(tx, row.caseId) : undefined;
    if (!row || !caseRow) throw new AppError('FOLLOW_UP_NOT_FOUND');
    if (row.assigneeId !== actor.userId) {
      try {
        assertCanOnCase(actor, 'case.update', caseRow, 'case.view');
      } catch {
        throw new AppError('FOLLOW_UP_NOT_FOUND');
      }
    }
    if (row.status !== 'open') throw new AppError('INVALID_TRANSITION');
    await tx
      .update(caseFollowUps)
      .set({ status: 'done', completedAt: new Date() })
      .where(eq(caseFollowUps.id, id));
    await appendTimeline(tx, {
      caseId: row.caseId,
      kind: 'followup.completed',
      actorId: actor.userId,
      refId: id,
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'case.follow_up_completed',
      entityType: 'case',
      entityId: row.caseId,
      data: { followUpId: id },
    });
    return { id, status: 'done' as const };
  });
}

/** Who a follow-up on this case can go to: active counsellors and supervisors of its hotline. */
export async function followUpAssignees(deps: TRecordsDeps, actor: TActor, caseId: string) {
  const row = await findCase(deps.db, caseId);
  if (!row) throw new AppError('CASE_NOT_FOUND');
  assertCanOnCase(actor, 'case.view', row);
  return deps.db
    .select({ userId: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(
      and(
        arrayContains(staffUsers.hotlines, [row.hotline]),
        inArray(staffUsers.role, ['counsellor', 'supervisor']),
        isNull(staffUsers.disabledAt),
      ),
    )
    .orderBy(asc(staffUsers.displayName));
}
