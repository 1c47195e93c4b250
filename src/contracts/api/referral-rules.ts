// Referral routing rules and their preview: the staff API's schemas and the directory screen's
// types. Zod only: web/ imports this file.
import { z } from 'zod';
import { referralNeeds } from '../referral-vocabulary';

export const ZRuleInput = z.object({
  need: z.enum(referralNeeds),
  provinceCode: z
    .string()
    .regex(/^LA-[A-Z]{2}$/)
    .nullable(),
  ageGroup: z.enum(['child', 'adult']).nullable(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).nullable(),
  /** An ISO country code, or `foreign` for anyone not Lao. */
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$|^foreign$/)
    .nullable(),
  exploitationForm: z.string().max(60).nullable(),
  unitId: z.string().uuid(),
  alternateUnitId: z.string().uuid().nullable(),
  rank: z.number().int().min(0).max(10000),
  active: z.boolean(),
});

const ZPreviewUnit = z.object({
  id: z.string(),
  nameLo: z.string(),
  nameEn: z.string(),
  kind: z.string(),
});

export const ZPreviewRequest = z.object({
  needs: z.array(z.enum(referralNeeds)).min(1).max(referralNeeds.length),
  subject: z.object({
    sex: z.enum(['female', 'male', 'other', 'unknown']),
    age: z.number().int().min(0).max(120).nullable(),
    isChild: z.boolean(),
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable(),
    provinceCode: z
      .string()
      .regex(/^LA-[A-Z]{2}$/)
      .nullable(),
    exploitationForms: z.array(z.string().max(60)).max(10),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(12),
  }),
});

export const ZPreview = z.object({
  units: z.array(
    ZPreviewUnit.extend({
      needs: z.array(z.string()),
      ruleIds: z.array(z.string()),
      alternate: ZPreviewUnit.nullable(),
    }),
  ),
  unrouted: z.array(z.string()),
});

export const ZRule = ZRuleInput.extend({
  id: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TRule = z.infer<typeof ZRule>;
export type TRuleInput = z.input<typeof ZRuleInput>;
/** The made-up person a preview routes. */
export type TPreviewSubject = z.input<typeof ZPreviewRequest>['subject'];
export type TPreview = z.infer<typeof ZPreview>;
