import { and, asc, eq, lte } from 'drizzle-orm';
import { caseFollowUps, cases } from '../../../db/schema/cases';
import { staffUsers } from '../../../db/schema/staff';
import type { TConfig } from '../../config/config';
import { recordAudit, type TDbOrTx, type TTx } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { appendTimeline } from './case-timeline.repository';

export type TFollowUpRow = typeof caseFollowUps.$inferSelect;

export async function openFollowUpIdsOf(db: TDbOrTx, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ id: caseFollowUps.id })
    .from(caseFollowUps)
    .where(and(eq(caseFollowUps.caseId, caseId), eq(caseFollowUps.status, 'open')));
  return rows.map((r) => r.id);
}

/** Cancels one open follow-up (closing its case did it), on the timeline and audited. */
export async function cancelFollowUp(
  tx: TTx,
  config: Pick<TConfig, 'HMAC_KEY'>,
  actor: TActor,
  caseId: string,
  id: string,
): Promise<void> {
  await tx.update(caseFollowUps).set({ status: 'cancelled' }).where(eq(caseFollowUps.id, id));
  await appendTimeline(tx, {
    caseId,
    kind: 'followup.cancelled',
    actorId: actor.userId,
    refId: id,
  });
  await recordAudit(tx, config, {
    actorId: actor.userId,
    action: 'case.follow_up_cancelled',
    entityType: 'case',
    entityId: caseId,
    data: { followUpId: id, because: 'case_closed' },
  });
}

export async function findFollowUp(db: TDbOrTx, id: string): Promise<TFollowUpRow | undefined> {
  const [row] = await db.select().from(caseFollowUps).where(eq(caseFollowUps.id, id)).limit(1);
  return row;
}

export function followUpsOfCase(db: TDbOrTx, caseId: string) {
  return db
    .select({ followUp: caseFollowUps, assigneeName: staffUsers.displayName })
    .from(caseFollowUps)
    .innerJoin(staffUsers, eq(staffUsers.id, caseFollowUps.assigneeId))
    .where(eq(caseFollowUps.caseId, caseId))
    .orderBy(asc(caseFollowUps.dueOn), asc(caseFollowUps.createdAt));
}

/** One counsellor's open follow-ups due on or before a day: the oldest (overdue) first. */
export function openFollowUpsDueBy(db: TDbOrTx, assigneeId: string, day: string) {
  return db
    .select({ followUp: caseFollowUps, caseCode: cases.code, hotline: cases.hotline })
    .from(caseFollowUps)
    .innerJoin(cases, eq(cases.id, caseFollowUps.caseId))
    .where(
      and(
        eq(caseFollowUps.assigneeId, assigneeId),
        eq(caseFollowUps.status, 'open'),
        lte(caseFollowUps.dueOn, day),
      ),
    )
    .orderBy(asc(caseFollowUps.dueOn), asc(caseFollowUps.createdAt))
    .limit(200);
}
