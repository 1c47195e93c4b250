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
  // The HTCDS-aligned profile (victim-profile.ts); defaults keep older answers readable.
  under18AtExploitation: z.boolean().nullable().default(null),
  recruitmentMethod: z.string().nullable().default(null),
  recruiterRelation: z.string().nullable().default(null),
  stageLocations: z
    .array(z.object({ stage: z.string(), kind: z.string(), code: z.string() }))
    .default([]),
  transportModes: z.array(z.string()).default([]),
  borderCrossing: z.string().nullable().default(null),
  meansOfControl: z.array(z.string()).default([]),
  labourSector: z.string().nullable().default(null),
  exploitationStartedOn: z.string().nullable().default(null),
  exploitationEndedOn: z.string().nullable().default(null),
  travelDocuments: z.array(z.string()).default([]),
  documentsHeldByOthers: z.boolean().nullable().default(null),
  employer: z.string().nullable().default(null),
  wagesOwedAmount: z.number().nullable().default(null),
  wagesOwedCurrency: z.string().nullable().default(null),
  schoolStatus: z.string().nullable().default(null),
  livesWith: z.string().nullable().default(null),
  formVersion: z.number().nullable().default(null),
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
  formVersion?: number | null;
} & TProfileInput;

/** The profile fields a hotline's form shows; only those are sent, so hidden ones stay as stored. */
export type TProfileInput = Partial<{
  recruitmentMethod: string | null;
  recruiterRelation: string | null;
  stageLocations: Array<{ stage: string; kind: string; code: string }>;
  transportModes: string[];
  borderCrossing: string | null;
  meansOfControl: string[];
  labourSector: string | null;
  exploitationStartedOn: string | null;
  exploitationEndedOn: string | null;
  under18AtExploitation: boolean | null;
  travelDocuments: string[];
  documentsHeldByOthers: boolean | null;
  employer: string | null;
  wagesOwedAmount: number | null;
  wagesOwedCurrency: string | null;
  schoolStatus: string | null;
  livesWith: string | null;
}>;

export const getPerson = (id: string) => api.get(`${BASE}/people/${id}`, ZPerson);
export const addPerson = (caseId: string, input: TPersonInput) =>
  api.post(`${BASE}/cases/${caseId}/people`, input, ZPerson);
export const updateProfile = (personId: string, input: TProfileInput & { version: number }) =>
  api.patch(`${BASE}/people/${personId}`, input, ZPerson);
export const getConsents = (personId: string) =>
  api.get(`${BASE}/people/${personId}/consents`, ZConsents);
export const recordConsent = (
  personId: string,
  input: { scope: string; granted: boolean; givenBy: string; method: string },
) => api.post(`${BASE}/people/${personId}/consents`, input, ZConsent);
export const identifyPerson = (personId: string, input: TIdentification) =>
  api.put(`${BASE}/people/${personId}/identification`, input, ZPerson);
