import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

const BASE = '/api/staff';

export { caseClosureReasons, caseReopenReasons } from '../../../../../src/contracts/case-lifecycle';

export type TStatusChange = {
  status: string;
  version: number;
  closureReason?: string;
  reopenReason?: string;
  note?: string;
  cancelFollowUps?: boolean;
};

export const changeStatus = (caseId: string, input: TStatusChange) =>
  api.post(`${BASE}/cases/${caseId}/status`, input, z.object({ id: z.string() }));

const ZFollowUp = z.object({
  id: z.string(),
  caseId: z.string(),
  assigneeId: z.string(),
  dueOn: z.string(),
  task: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
});
const ZCaseFollowUp = ZFollowUp.extend({ assigneeName: z.string() });
const ZMyFollowUp = ZFollowUp.extend({ caseCode: z.string(), overdue: z.boolean() });
export type TCaseFollowUp = z.infer<typeof ZCaseFollowUp>;
export type TMyFollowUp = z.infer<typeof ZMyFollowUp>;

export const listFollowUps = (caseId: string) =>
  api.get(`${BASE}/cases/${caseId}/follow-ups`, z.array(ZCaseFollowUp));
export const addFollowUp = (
  caseId: string,
  input: { assigneeId: string; dueOn: string; task: string },
) => api.post(`${BASE}/cases/${caseId}/follow-ups`, input, ZCaseFollowUp);
export const myFollowUps = () => api.get(`${BASE}/follow-ups/mine`, z.array(ZMyFollowUp));
export const completeFollowUp = (id: string) =>
  api.post(`${BASE}/follow-ups/${id}/complete`, {}, z.object({ id: z.string() }));
export const followUpAssignees = (caseId: string) =>
  api.get(
    `${BASE}/cases/${caseId}/follow-ups/assignees`,
    z.array(z.object({ userId: z.string(), displayName: z.string() })),
  );
