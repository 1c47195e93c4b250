// The staff API's case, contact and caller schemas: requests the routes validate and the answers
// the desk reads. Zod and contracts only: web/ imports this file.
import { z } from 'zod';
import { caseClosureReasons, caseReopenReasons } from '../case-lifecycle';
import {
  callerTypes,
  contactChannels,
  contactTypes,
  safeToTalkAnswers,
} from '../contact-vocabulary';
import {
  callerFlagKinds,
  caseRiskLevels,
  casePersonRoles,
  caseStatuses,
} from '../records-vocabulary';
import { ZServiceCode } from '../partner-tickets';
import { ZCode, ZProvinceCode } from '../codes';
import { ZVocabCodes } from '../victim-profile';

export const code = ZCode;
export const text = (max: number) => z.string().trim().max(max);
export const iso = z.iso.datetime();
export const ZPhone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]{3,25}$/);

const ZCaseFields = z.object({
  riskLevel: z.enum(caseRiskLevels).optional(),
  provinceCode: ZProvinceCode.nullable().optional(),
  categoryCode: code.nullable().optional(),
  subcategoryCode: code.nullable().optional(),
  summary: text(20000).nullable().optional(),
});
export const ZCaseCreate = ZCaseFields.extend({ hotline: code });
export const ZCaseUpdate = ZCaseFields.extend({
  version: z.number().int(),
  ownerId: z.uuid().optional(),
});
export const ZCaseStatusChange = z.object({
  status: z.enum(caseStatuses),
  version: z.number().int(),
  closureReason: z.enum(caseClosureReasons).optional(),
  reopenReason: z.enum(caseReopenReasons).optional(),
  note: text(2000).optional(),
  /** Closing with open follow-ups: the counsellor confirmed they are to be cancelled. */
  cancelFollowUps: z.boolean().optional(),
});
export const ZLegalHold = z.object({ legalHold: z.boolean() });
export const ZNoteCreate = z.object({ body: text(20000).min(1) });

export const ZCase = z.object({
  id: z.uuid(),
  code: z.string(),
  hotline: z.string(),
  status: z.enum(caseStatuses),
  riskLevel: z.enum(caseRiskLevels),
  ownerId: z.uuid().nullable(),
  provinceCode: z.string().nullable(),
  categoryCode: z.string().nullable(),
  subcategoryCode: z.string().nullable(),
  summary: z.string().nullable(),
  legalHold: z.boolean(),
  closedAt: iso.nullable(),
  closureReason: z.enum(caseClosureReasons).nullable(),
  version: z.number().int(),
  createdAt: iso,
  updatedAt: iso,
  people: z.array(z.object({ personId: z.uuid(), role: z.enum(casePersonRoles) })),
});
export const ZNote = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  authorId: z.uuid().nullable(),
  body: z.string(),
  createdAt: iso,
});
export const ZTimelineEntry = z.object({
  id: z.number(),
  kind: z.string(),
  actorId: z.uuid().nullable(),
  refId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: iso,
});

const ZContactFields = z.object({
  channel: z.enum(contactChannels),
  language: code,
  interpreterUsed: z.boolean().optional(),
  interpreterNeeded: z.boolean().optional(),
  interpreterLanguage: code.nullable().optional(),
  callerType: z.enum(callerTypes),
  contactType: z.enum(contactTypes),
  categoryCode: code.nullable().optional(),
  subcategoryCode: code.nullable().optional(),
  contactReasons: ZVocabCodes('contactReasons').optional(),
  callerProvinceCode: ZProvinceCode.nullable().optional(),
  callerPhone: ZPhone.nullable().optional(),
  callerName: text(200).nullable().optional(),
  summary: text(20000).nullable().optional(),
  safeToTalk: z.enum(safeToTalkAnswers).optional(),
  safeCallbackWindow: text(200).nullable().optional(),
  codeWord: text(100).nullable().optional(),
  noSms: z.boolean().optional(),
  noVoicemail: z.boolean().optional(),
  durationSeconds: z.number().int().min(0).max(86400).nullable().optional(),
  occurredAt: z.coerce.date().optional(),
});
export const ZContactCreate = ZContactFields.extend({
  hotline: code,
  /** The hotline's form version the desk drew (form_definitions); the current one if absent. */
  formVersion: z.number().int().min(1).nullable().optional(),
  callId: z.uuid().nullable().optional(),
  caseId: z.uuid().nullable().optional(),
  /** Set when recording an offline contact on behalf of the counsellor who took it. */
  counsellorId: z.uuid().optional(),
});
export const ZContactUpdate = ZContactFields.partial().refine((v) => Object.keys(v).length > 0, {
  message: 'nothing to change',
});
export const ZContact = ZContactFields.required().extend({
  contactReasons: z.array(z.string()),
  formVersion: z.number().int().nullable(),
  id: z.uuid(),
  hotline: z.string(),
  callId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  interpreterLanguage: z.string().nullable(),
  counsellorId: z.uuid().nullable(),
  recordedById: z.uuid().nullable(),
  callerPhone: z.string().nullable(),
  occurredAt: iso,
  createdAt: iso,
  updatedAt: iso,
});

export const ZCallerLookup = z.object({ phone: ZPhone });
export const ZCallerLookupResult = z.object({
  earlierContacts: z.array(
    z.object({
      id: z.uuid(),
      caseId: z.uuid().nullable(),
      hotline: z.string(),
      channel: z.enum(contactChannels),
      contactType: z.enum(contactTypes),
      categoryCode: z.string().nullable(),
      occurredAt: iso,
      noSms: z.boolean(),
      noVoicemail: z.boolean(),
    }),
  ),
  flags: z.array(
    z.object({ kind: z.string(), hotline: z.string().nullable(), until: iso.nullable() }),
  ),
});
export const ZCallerFlagCreate = z.object({
  phone: ZPhone,
  hotline: code,
  kind: z.enum(callerFlagKinds),
  until: z.coerce.date().optional(),
});
export const ZCallerFlag = z.object({
  id: z.uuid(),
  kind: z.enum(callerFlagKinds),
  hotline: z.string(),
  until: iso.nullable(),
});

export const ZSearch = z.object({
  caseCode: code.optional(),
  phone: ZPhone.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  status: z.enum(caseStatuses).optional(),
  categoryCode: code.optional(),
  provinceCode: ZProvinceCode.optional(),
  hotline: code.optional(),
  counsellorId: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const ZSearchResult = z.array(
  z.object({
    id: z.uuid(),
    code: z.string(),
    hotline: z.string(),
    status: z.enum(caseStatuses),
    riskLevel: z.enum(caseRiskLevels),
    ownerId: z.uuid().nullable(),
    provinceCode: z.string().nullable(),
    categoryCode: z.string().nullable(),
    contactCount: z.number().int(),
    createdAt: iso,
    updatedAt: iso,
  }),
);

/** A service event staff record for an organisation that does not use the system. */
export const ZCaseServiceCreate = z
  .object({
    organisation: code,
    personId: z.uuid().optional(),
    service: ZServiceCode,
    givenOn: z.iso.date(),
    quantity: z.int().min(1).max(1000).default(1),
    endsOn: z.iso.date().optional(),
  })
  .refine((b) => b.endsOn === undefined || b.endsOn >= b.givenOn, {
    message: 'endsOn is before givenOn',
    path: ['endsOn'],
  });
