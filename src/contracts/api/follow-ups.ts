// Follow-up tasks on a case: the staff API's schemas and the desk's types. Zod only: web/
// imports this file.
import { z } from 'zod';

export const ZFollowUpCreate = z.object({
  assigneeId: z.uuid(),
  dueOn: z.iso.date(),
  task: z.string().trim().max(2000).min(1),
});
export type TFollowUpCreate = z.input<typeof ZFollowUpCreate>;

const ZFollowUp = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  assigneeId: z.uuid(),
  dueOn: z.string(),
  task: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});
/** On the case: who it is for, by name. */
export const ZCaseFollowUp = ZFollowUp.extend({ assigneeName: z.string() });
export type TCaseFollowUp = z.infer<typeof ZCaseFollowUp>;
/** On my list: which case, and whether it is already late. */
export const ZMyFollowUp = ZFollowUp.extend({ caseCode: z.string(), overdue: z.boolean() });
export type TMyFollowUp = z.infer<typeof ZMyFollowUp>;
/** Who a follow-up of this case can be given to. */
export const ZFollowUpAssignee = z.object({ userId: z.string(), displayName: z.string() });
