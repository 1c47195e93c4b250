import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZReferralList,
  type THold,
  type TReferral,
} from '../../../../../src/contracts/api/referrals';

const BASE = '/api/staff';

export {
  referralNeeds,
  referralPriorities,
} from '../../../../../src/contracts/referral-vocabulary';

export type { THold, TReferral };

export const listReferrals = (caseId: string) =>
  api.get(`${BASE}/referrals`, ZReferralList, { query: { caseId } });

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
