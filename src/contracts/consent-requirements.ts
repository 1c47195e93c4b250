// Consent vocabulary and the consent-requirement wire shapes, shared by the server (schema, the
// referral worker, the staff API) and the web app. Constants and zod only: web/ imports this file.
import { z } from 'zod';
import { partnerKinds, type TPartnerKind } from './partner-directory';

export const consentScopes = [
  'case_management',
  'share_with_service_providers',
  'report_to_police',
  'share_with_labour_authority',
  'anonymised_statistics',
  'follow_up_contact',
] as const;
export type TConsentScope = (typeof consentScopes)[number];

/**
 * How a child's referral to this kind of partner is allowed: with the consent of a parent,
 * guardian or legal representative, or a recorded best-interest decision; or always (a duty to
 * report, as for child trafficking to the police).
 */
export const childConsentRules = ['guardian_or_best_interest', 'always'] as const;
export type TChildConsentRule = (typeof childConsentRules)[number];

/** Why a counsellor may send a held referral without the consent it needs. */
export const consentOverrideReasons = ['imminent_danger', 'best_interest_of_child'] as const;
export type TConsentOverrideReason = (typeof consentOverrideReasons)[number];

export type TConsentRequirement = {
  partnerKind: TPartnerKind;
  /** The consent scope this kind needs; null: none is needed. */
  scope: TConsentScope | null;
  childRule: TChildConsentRule;
};

/**
 * As shipped (and seeded): the police need consent to report to them; every partner who
 * receives a person's situation to act on it needs consent to share with service providers.
 * A child's case reaches the police always (mandatory reporting of child trafficking); other
 * partners a child's only with a guardian's consent or a recorded best-interest decision.
 */
export const defaultConsentRequirements: readonly TConsentRequirement[] = partnerKinds.map(
  (partnerKind) => ({
    partnerKind,
    scope: partnerKind === 'police' ? 'report_to_police' : 'share_with_service_providers',
    childRule: partnerKind === 'police' ? 'always' : 'guardian_or_best_interest',
  }),
);

export const ZConsentRequirementChange = z.object({
  scope: z.enum(consentScopes).nullable(),
  childRule: z.enum(childConsentRules),
  /** The version being replaced: a change made meanwhile by someone else answers 409. */
  version: z.number().int().min(0),
});
export type TConsentRequirementChange = z.infer<typeof ZConsentRequirementChange>;

export const ZConsentRequirementRow = z.object({
  partnerKind: z.enum(partnerKinds),
  scope: z.enum(consentScopes).nullable(),
  childRule: z.enum(childConsentRules),
  /** 0: as shipped, never changed. */
  version: z.number().int(),
  changedAt: z.string().nullable(),
});
export type TConsentRequirementRow = z.infer<typeof ZConsentRequirementRow>;

export const ZConsentOverride = z.object({
  reason: z.enum(consentOverrideReasons),
  justification: z.string().trim().min(10).max(2000),
});
