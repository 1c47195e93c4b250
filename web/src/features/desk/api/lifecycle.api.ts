import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZCaseFollowUp,
  ZFollowUpAssignee,
  ZMyFollowUp,
  type TFollowUpCreate,
} from '../../../../../src/contracts/api/follow-ups';
import { ZCaseStatusChange } from '../../../../../src/contracts/api/records';

const BASE = '/api/staff';

export { caseClosureReasons, caseReopenReasons } from '../../../../../src/contracts/case-lifecycle';

export type TStatusChange = z.input<typeof ZCaseStatusChange>;

export const changeStatus = (caseId: string, input: TStatusChange) =>
  api.post(`${BASE}/cases/${caseId}/status`, input, z.object({ id: z.string() }));

export type { TCaseFollowUp, TMyFollowUp } from '../../../../../src/contracts/api/follow-ups';

export const listFollowUps = (caseId: string) =>
  api.get(`${BASE}/cases/${caseId}/follow-ups`, z.array(ZCaseFollowUp));
export const addFollowUp = (caseId: string, input: TFollowUpCreate) =>
  api.post(`${BASE}/cases/${caseId}/follow-ups`, input, ZCaseFollowUp);
export const myFollowUps = () => api.get(`${BASE}/follow-ups/mine`, z.array(ZMyFollowUp));
export const completeFollowUp = (id: string) =>
  api.post(`${BASE}/follow-ups/${id}/complete`, {}, z.object({ id: z.string() }));
export const followUpAssignees = (caseId: string) =>
  api.get(`${BASE}/cases/${caseId}/follow-ups/assignees`, z.array(ZFollowUpAssignee));
