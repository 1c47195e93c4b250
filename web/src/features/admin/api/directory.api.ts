import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZOrganisation,
  ZUnit,
  type TUnit,
  type TUnitInput,
} from '../../../../../src/contracts/partner-directory';
import {
  referralNeeds,
  type TReferralNeed as TNeed,
} from '../../../../../src/contracts/referral-vocabulary';

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

const ZRule = z.object({
  id: z.string(),
  need: z.enum(referralNeeds),
  provinceCode: z.string().nullable(),
  ageGroup: z.enum(['child', 'adult']).nullable(),
  sex: z.string().nullable(),
  nationality: z.string().nullable(),
  exploitationForm: z.string().nullable(),
  unitId: z.string(),
  alternateUnitId: z.string().nullable(),
  rank: z.number(),
  active: z.boolean(),
});
export type TRule = z.infer<typeof ZRule>;
export type TRuleInput = Omit<TRule, 'id'>;

export type TSubject = {
  sex: 'female' | 'male' | 'other' | 'unknown';
  age: number | null;
  isChild: boolean;
  nationality: string | null;
  provinceCode: string | null;
  exploitationForms: string[];
  languages: string[];
};

const ZPreviewUnit = z.object({ id: z.string(), nameLo: z.string(), nameEn: z.string() });
const ZPreview = z.object({
  units: z.array(
    ZPreviewUnit.extend({ needs: z.array(z.string()), alternate: ZPreviewUnit.nullable() }),
  ),
  unrouted: z.array(z.string()),
});
export type TPreview = z.infer<typeof ZPreview>;

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
export const previewRouting = (needs: TNeed[], subject: TSubject) =>
  api.post('/api/staff/referral-rules/preview', { needs, subject }, ZPreview);
