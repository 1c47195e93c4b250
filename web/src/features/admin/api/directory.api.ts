import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZPreview,
  ZRule,
  type TPreviewSubject,
  type TRuleInput,
} from '../../../../../src/contracts/api/referral-rules';
import {
  ZOrganisation,
  ZUnit,
  type TUnit,
  type TUnitInput,
} from '../../../../../src/contracts/partner-directory';
import type { TReferralNeed as TNeed } from '../../../../../src/contracts/referral-vocabulary';

export {
  referralNeeds,
  type TReferralNeed as TNeed,
} from '../../../../../src/contracts/referral-vocabulary';

export {
  intakeSexes,
  partnerKinds,
  ZUnitInput,
  type TOrganisation,
  type TUnit,
  type TUnitInput,
} from '../../../../../src/contracts/partner-directory';
export type {
  TPreview,
  TPreviewSubject as TSubject,
  TRule,
  TRuleInput,
} from '../../../../../src/contracts/api/referral-rules';
export type TUnitChange = Partial<
  Pick<
    TUnit,
    | 'nameLo'
    | 'nameEn'
    | 'services'
    | 'provinces'
    | 'languages'
    | 'hours'
    | 'usesSystem'
    | 'webhookUrl'
    | 'smsNumbers'
    | 'active'
  >
>;

export const fetchUnits = () => api.get('/api/staff/partners/units', z.array(ZUnit));
export const fetchOrganisations = () =>
  api.get('/api/staff/partners/organisations', z.array(ZOrganisation));
export const createUnit = (body: TUnitInput) => api.post('/api/staff/partners/units', body, ZUnit);
export const updateUnit = (id: string, body: TUnitChange) =>
  api.patch(`/api/staff/partners/units/${id}`, body, ZUnit);

export const fetchRules = () => api.get('/api/staff/referral-rules', z.array(ZRule));
export const createRule = (body: TRuleInput) => api.post('/api/staff/referral-rules', body, ZRule);
export const updateRule = (id: string, body: Partial<TRuleInput>) =>
  api.patch(`/api/staff/referral-rules/${id}`, body, ZRule);
export const previewRouting = (needs: TNeed[], subject: TPreviewSubject) =>
  api.post('/api/staff/referral-rules/preview', { needs, subject }, ZPreview);
