import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

const BASE = '/api/staff';

export {
  referralNeeds,
  referralPriorities,
} from '../../../../../src/contracts/referral-vocabulary';

const ZReferral = z.object({
  id: z.string(),
  needs: z.array(z.string()),
  priority: z.string(),
  status: z.string(),
  createdAt: z.string(),
  tickets: z
    .array(
      z.object({
        id: z.string(),
        unitName: z.string(),
        unitKind: z.string(),
        state: z.string(),
      }),
    )
    .default([]),
});
export type TReferral = z.infer<typeof ZReferral>;

export const listReferrals = (caseId: string) =>
  api.get(`${BASE}/referrals`, z.array(ZReferral), { query: { caseId } });

export const requestReferral = (
  caseId: string,
  input: { personId: string; needs: string[]; priority: string; dangerJustification?: string },
) => api.post(`${BASE}/referrals`, { caseId, ...input }, z.object({ referralId: z.string() }));
