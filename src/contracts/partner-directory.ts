// The partner directory's wire shapes, shared by the staff API (partners.routes.ts) and the
// administration screens in web/. Constants and zod only: web/ imports this file, so nothing
// server-side may be imported here.
import { z } from 'zod';
import { E164 } from './phone';

export const partnerKinds = [
  'shelter',
  'police',
  'labour',
  'social_welfare',
  'health',
  'legal_aid',
  'repatriation',
  'counselling',
  'ngo',
] as const;
export type TPartnerKind = (typeof partnerKinds)[number];

export const intakeSexes = ['female', 'male', 'other', 'unknown'] as const;
export const unitWeekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;

export const ZE164 = z.string().regex(E164);
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);

/** 24/7, or weekly [open, close) ranges in Vientiane time plus closed dates. */
export const ZPartnerHours = z.object({
  alwaysOpen: z.boolean(),
  weekly: z.partialRecord(
    z.enum(unitWeekdays),
    z
      .array(
        // close < open is a night shift running past midnight (20:00–06:00).
        z.tuple([ZTime, ZTime]).refine(([a, b]) => a !== b, 'a range must not close as it opens'),
      )
      .max(6),
  ),
  holidays: z.array(z.iso.date()).max(366),
});

/** Who the unit takes in; an empty list or null age means "any". */
export const ZIntakeCriteria = z
  .object({
    sexes: z.array(z.enum(intakeSexes)),
    minAge: z.number().int().min(0).max(120).nullable(),
    maxAge: z.number().int().min(0).max(120).nullable(),
    nationalities: z.array(z.string().regex(/^[A-Z]{2}$/)),
  })
  .refine((i) => i.minAge === null || i.maxAge === null || i.minAge <= i.maxAge, {
    path: ['maxAge'],
    message: 'the oldest age must not be below the youngest',
  });

export const ZFocalPoint = z.object({
  role: z.enum(['focal_point', 'manager']),
  staffUserId: z.string().uuid().nullable(),
  label: z.string().trim().min(1).max(120),
  smsNumber: ZE164.nullable(),
});

/** https anywhere, or plain http to exactly 127.0.0.1; never a user name or password inside. */
export function isWebhookUrlShape(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === '127.0.0.1');
}

/** A unit as an administrator writes it (POST, and PATCH with any subset). */
export const ZUnitInput = z.object({
  organisationKey: z.string().min(1).max(80),
  nameLo: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  kind: z.enum(partnerKinds),
  services: z.array(z.string().max(60)).max(30),
  provinces: z.array(z.string().regex(/^LA-[A-Z]{2}$/)).max(18),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(12),
  hours: ZPartnerHours,
  intake: ZIntakeCriteria,
  focalPoints: z.array(ZFocalPoint).max(10),
  usesSystem: z.boolean(),
  // Parsed and its host compared exactly (a prefix test let http://127.0.0.1.attacker.example
  // through). Local http is for a partner's test receiver on the same machine only; the server
  // also refuses internal addresses unless PARTNER_WEBHOOK_ALLOW_HOSTS names the host.
  webhookUrl: z.string().max(2000).refine(isWebhookUrlShape, 'must be an https address').nullable(),
  /** Write-only: stored encrypted, never returned. */
  webhookSecret: z.string().min(32).max(200).nullable().optional(),
  smsNumbers: z.array(ZE164).max(5),
  active: z.boolean(),
});
export type TUnitInput = z.infer<typeof ZUnitInput>;

/** A unit as the API answers: the webhook secret only as "set or not". */
export const ZUnit = ZUnitInput.omit({ webhookSecret: true }).extend({
  // As stored: an address saved before the rules tightened is still shown (and refused at send).
  webhookUrl: z.string().nullable(),
  id: z.string(),
  webhookSecretSet: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TUnit = z.infer<typeof ZUnit>;

/** An organisation a unit belongs to (GET /api/staff/partners/organisations). */
export const ZOrganisation = z.object({
  key: z.string(),
  kind: z.string(),
  nameLo: z.string(),
  nameEn: z.string(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;
