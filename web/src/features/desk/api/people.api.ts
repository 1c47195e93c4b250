import type { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import type { TIdentification } from '../../../../../src/contracts/identification';
import { ZConsent, ZConsents, ZPerson } from '../../../../../src/contracts/api/people';

export {
  identifyingAuthorities,
  victimStatuses,
} from '../../../../../src/contracts/identification';

const BASE = '/api/staff';

export { ZPerson };
export type TPerson = z.infer<typeof ZPerson>;
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
