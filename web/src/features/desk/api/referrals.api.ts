import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

const BASE = '/api/staff';

export {
  referralNeeds,
  referralPriorities,
} from '../../../../../src/contracts/referral-vocabulary';

const ZHold = z.object({
  id: z.string(),
  unitName: z.string(),
  unitNameLo: z.string().default(''),
  unitKind: z.string(),
  scope: z.string(),
  reason: z.enum(['consent_missing', 'guardian_consent_missing']),
  status: z.enum(['held', 'released']),
  releasing: z.boolean(),
  overrideReason: z.string().nullable(),
});
export type THold = z.infer<typeof ZHold>;

const ZReferral = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  isChild: z.boolean(),
  needs: z.array(z.string()),
  priority: z.string(),
  status: z.string(),
  createdAt: z.string(),
  tickets: z
    .array(
      z.object({
        id: z.string(),
        unitName: z.string(),
        unitNameLo: z.string().default(''),
        unitKind: z.string(),
        state: z.string(),
      }),
    )
    .default([]),
  holds: z.array(ZHold).default([]),
});
export type TReferral = z.infer<typeof ZReferral>;

export const listReferrals = (caseId: string) =>
  api.get(`${BASE}/referrals`, z.array(ZReferral), { query: { caseId } });

export const requestReferral = (
  caseId: string,
  input: { personId: string; needs: string[]; priority: string; dangerJustification?: string },
) => api.post(`${BASE}/referrals`, { caseId, ...input }, z.object({ referralId: z.string() }));

export {
  consentOverrideReasons,
  type TConsentOverrideReason,
} from '../../../../../src/contracts/consent-requirements';

export const overrideHold = (holdId: string, input: { reason: string; justification: string }) =>
  api.post(`${BASE}/referrals/holds/${holdId}/override`, input, z.object({ id: z.string() }));

export { withdrawReasons } from '../../../../../src/contracts/partner-tickets';

export const withdrawTicket = (ticketId: string, input: { reason: string; note?: string }) =>
  api.post(
    `${BASE}/referrals/tickets/${ticketId}/withdraw`,
    input,
    z.object({ id: z.string(), state: z.string() }),
  );
