// The staff API's person and consent schemas: requests the routes validate and the answers the
// desk reads. Zod and contracts only: web/ imports this file.
import { z } from 'zod';
import { consentScopes } from '../consent-requirements';
import { victimStatuses } from '../identification';
import {
  ageBands,
  casePersonRoles,
  consentGivers,
  consentMethods,
  sexes,
} from '../records-vocabulary';
import { traffickingStages } from '../victim-profile';
import { ZProvinceCode } from '../codes';
import {
  ZCountry,
  ZExploitationForms,
  ZStageLocation,
  ZVocabCode,
  ZVocabCodes,
} from '../victim-profile';
import { code, iso, text, ZPhone } from './records';

const ZStage = z.object({
  stage: z.enum(traffickingStages),
  kind: z.enum(['province', 'sez', 'country']),
  code,
});
const isoDate = z.iso.date();
const codes = z.array(code).max(20);
/** What a person record holds, as the API answers it (stored codes shown as they are). */
const ZPersonShape = z.object({
  fullName: text(200).nullable(),
  alias: text(200).nullable(),
  dateOfBirth: isoDate.nullable(),
  address: text(500).nullable(),
  phone: ZPhone.nullable(),
  notes: text(20000).nullable(),
  sex: z.enum(sexes),
  ageAtIdentification: z.number().int().min(0).max(120).nullable(),
  ageEstimated: z.boolean(),
  nationalities: z.array(z.string().regex(/^[A-Z]{2}$/)).max(5),
  ethnicity: code.nullable(),
  languages: codes,
  interpreterNeeded: z.boolean(),
  residenceProvinceCode: ZProvinceCode.nullable(),
  residenceDistrict: text(100).nullable(),
  victimStatus: z.enum(victimStatuses),
  identifiedBy: code.nullable(),
  identificationDate: isoDate.nullable(),
  exploitationForms: codes,
  labourSector: code.nullable(),
  meansOfControl: codes,
  recruitmentMethod: code.nullable(),
  recruiterRelation: code.nullable(),
  stageLocations: z.array(ZStage).max(20),
  needs: codes,
  under18AtExploitation: z.boolean().nullable(),
  exploitationStartedOn: isoDate.nullable(),
  exploitationEndedOn: isoDate.nullable(),
  travelDocuments: codes,
  documentsHeldByOthers: z.boolean().nullable(),
  transportModes: codes,
  borderCrossing: code.nullable(),
  employer: text(200).nullable(),
  wagesOwedAmount: z.number().int().min(0).max(2_000_000_000).nullable(),
  wagesOwedCurrency: code.nullable(),
  schoolStatus: code.nullable(),
  livesWith: code.nullable(),
});
/**
 * What may be written: every code checked against its reference list (countries, provinces,
 * the HTCDS-aligned vocabularies in victim-profile.ts), not only its shape.
 */
const ZPersonFields = ZPersonShape.extend({
  nationalities: z.array(ZCountry).max(5),
  exploitationForms: ZExploitationForms,
  labourSector: ZVocabCode('labourSectors').nullable(),
  meansOfControl: ZVocabCodes('meansOfControl'),
  recruitmentMethod: ZVocabCode('recruitmentMethods').nullable(),
  recruiterRelation: ZVocabCode('recruiterRelations').nullable(),
  stageLocations: z.array(ZStageLocation).max(20),
  travelDocuments: ZVocabCodes('travelDocuments'),
  transportModes: ZVocabCodes('transportModes'),
  borderCrossing: ZVocabCode('borderCrossings').nullable(),
  wagesOwedCurrency: ZVocabCode('wageCurrencies').nullable(),
  schoolStatus: ZVocabCode('schoolStatuses').nullable(),
  livesWith: ZVocabCode('livesWith').nullable(),
});
const datesInOrder = (p: {
  exploitationStartedOn?: string | null;
  exploitationEndedOn?: string | null;
}) =>
  !p.exploitationStartedOn ||
  !p.exploitationEndedOn ||
  p.exploitationStartedOn <= p.exploitationEndedOn;
const datesMessage = {
  message: 'exploitation ended before it started',
  path: ['exploitationEndedOn'],
};
// Identification (status, authority, date) is its own act with its own permission: the
// identification route sets it; a new person is at most a possible or presumed victim.
const identification = {
  identifiedBy: true,
  identificationDate: true,
  victimStatus: true,
} as const;
export const ZPersonCreate = ZPersonFields.omit(identification)
  .partial()
  .extend({
    victimStatus: z.enum(['possible', 'presumed']).optional(),
    role: z.enum(casePersonRoles),
    /** Only used to derive the under-18-at-exploitation flag; not stored. */
    exploitationDate: isoDate.nullable().optional(),
    /** The hotline's form version the desk drew (form_definitions); the current one if absent. */
    formVersion: z.number().int().min(1).nullable().optional(),
  })
  .refine(datesInOrder, datesMessage);
/** Sent here, identification would be ignored: refused (400) so the caller learns where it goes. */
const notHere = z
  .never({ error: 'set through PUT /api/staff/people/:id/identification' })
  .optional();
export const ZPersonUpdate = ZPersonFields.omit(identification)
  .partial()
  .extend({
    version: z.number().int(),
    exploitationDate: isoDate.nullable().optional(),
    victimStatus: notHere,
    identifiedBy: notHere,
    identificationDate: notHere,
  })
  .refine(datesInOrder, datesMessage);
export const ZPerson = ZPersonShape.extend({
  formVersion: z.number().int().nullable(),
  id: z.uuid(),
  hotline: z.string(),
  createdById: z.uuid().nullable(),
  ageBand: z.enum(ageBands),
  under18AtIdentification: z.boolean().nullable(),
  legalHold: z.boolean(),
  version: z.number().int(),
  createdAt: iso,
  updatedAt: iso,
});

export const ZConsentCreate = z.object({
  scope: z.enum(consentScopes),
  granted: z.boolean(),
  givenBy: z.enum(consentGivers),
  method: z.enum(consentMethods),
});
const ZConsent = ZConsentCreate.extend({
  id: z.uuid(),
  personId: z.uuid(),
  version: z.number().int(),
  recordedById: z.uuid().nullable(),
  recordedAt: iso,
});
export { ZConsent };
export const ZConsents = z.object({ current: z.array(ZConsent), history: z.array(ZConsent) });
