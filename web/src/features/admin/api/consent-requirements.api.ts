import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZConsentRequirementRow,
  type TConsentRequirementChange,
} from '../../../../../src/contracts/consent-requirements';

export {
  childConsentRules,
  consentScopes,
  type TConsentRequirementRow,
} from '../../../../../src/contracts/consent-requirements';

const ZList = z.array(ZConsentRequirementRow);

export const fetchConsentRequirements = () => api.get('/api/staff/consent-requirements', ZList);
export const changeConsentRequirement = (kind: string, change: TConsentRequirementChange) =>
  api.put(`/api/staff/consent-requirements/${kind}`, change, ZList);
