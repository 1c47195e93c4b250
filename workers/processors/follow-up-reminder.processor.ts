import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema/cases';
import { rooms } from '../../src/contracts/realtime';
import { findFollowUp } from '../../src/modules/cases/follow-ups.repository';
import type { TProcessor } from '../processor';

/**
 * The follow-up fell due: its assignee's desk hears it (ids and the case code only, no task
 * text) and reloads her list. Nothing for a follow-up completed or cancelled meanwhile.
 */
export const followUpReminderProcessor: TProcessor<{ followUpId: string }> = async (
  payload,
  { deps },
) => {
  const row = await findFollowUp(deps.db, payload.followUpId);
  if (!row || row.status !== 'open') return 'stale';
  const [caseRow] = await deps.db
    .select({ code: cases.code })
    .from(cases)
    .where(eq(cases.id, row.caseId));
  deps.emitter.to(rooms.user(row.assigneeId)).emit('followup:due', {
    followUpId: row.id,
    caseId: row.caseId,
    caseCode: caseRow?.code ?? '',
    dueOn: row.dueOn,
  });
  return 'reminded';
};
