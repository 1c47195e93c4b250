import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import { victimStatuses, type TIdentification } from '../../../../../src/contracts/identification';

export {
  identifyingAuthorities,
  victimStatuses,
} from '../../../../../src/contracts/identification';

const BASE = '/api/staff';

export const ZPerson = z.object({
  id: z.string(),
  fullName: z.string().nullable(),
  sex: z.enum(['female', 'male', 'other', 'unknown']),
  ageAtIdentification: z.number().nullable(),
  under18AtIdentification: z.boolean().nullable(),
  nationalities: z.array(z.string()),
  residenceProvinceCode: z.string().nullable(),
  exploitationForms: z.array(z.string()),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean(),
  victimStatus: z.enum(victimStatuses),
  identifiedBy: z.string().nullable(),
  identificationDate: z.string().nullable(),
  version: z.number(),
});
export type TPerson = z.infer<typeof ZPerson>;

const ZConsent = z.object({
  id: z.string(),
  scope: z.string(),
  granted: z.boolean(),
  recordedAt: z.string(),
});
const ZConsents = z.object({ current: z.array(ZConsent), history: z.array(ZConsent) });
export type TConsents = z.infer<typeof ZConsents>;

export type TPersonInput = {
  role: 'victim' | 'possible_victim';
  fullName: string | null;
  sex: TPerson['sex'];
  ageAtIdentification: number | null;
  nationalities: string[];
  residenceProvinceCode: string | null;
  exploitationForms: string[];
  /** Left empty: the server fills in the caller's language from the case's contact. */
  languages: string[];
  interpreterNeeded?: boolean;
};

export const getPerson = (id: string) => api.get(`${BASE}/people/${id}`, ZPerson);
export const addPerson = (caseId: string, input: TPersonInput) =>
  api.post(`${BASE}/cases/${caseId}/people`, input, ZPerson);
export const getConsents = (personId: string) =>
  api.get(`${BASE}/people/${personId}/consents`, ZConsents);
export const recordConsent = (
  personId: string,
  input: { scope: string; granted: boolean; givenBy: string; method: string },
) => api.post(`${BASE}/people/${personId}/consents`, input, ZConsent);
export const identifyPerson = (personId: string, input: TIdentification) =>
  api.put(`${BASE}/people/${personId}/identification`, input, ZPerson);
