import {
  defaultConsentRequirements,
  type TConsentOverrideReason,
  type TConsentRequirement,
  type TConsentScope,
} from '../../../contracts/consent-requirements';
import type { TPartnerKind } from '../../../../db/schema/partners';

/** A consent in force for the person: the latest version of its scope. */
export type TConsentInForce = { scope: string; granted: boolean; givenBy: string };

export type TConsentFacts = {
  isChild: boolean;
  /** The person's consents in force, as recorded (not what the request form claimed). */
  consents: readonly TConsentInForce[];
  /** The request's imminent-danger reason: lets the police be told without consent. */
  dangerOverride: boolean;
  overrideJustification: string | null;
};

export type TConsentBasis =
  | 'not_required'
  | 'child_always'
  | 'consent'
  | 'guardian_consent'
  | 'danger_override'
  | TConsentOverrideReason;

export type THoldReason = 'consent_missing' | 'guardian_consent_missing';

export type TConsentDecision =
  | { allowed: true; basis: TConsentBasis }
  | { allowed: false; scope: TConsentScope; reason: THoldReason };

/** The requirement in force for a kind: the administrators' latest, else as shipped. */
export function requirementFor(
  kind: TPartnerKind,
  inForce: readonly TConsentRequirement[],
): TConsentRequirement {
  const found =
    inForce.find((r) => r.partnerKind === kind) ??
    defaultConsentRequirements.find((r) => r.partnerKind === kind);
  // Every kind has a default; a kind added without one is treated as the strictest.
  return (
    found ?? {
      partnerKind: kind,
      scope: 'share_with_service_providers',
      childRule: 'guardian_or_best_interest',
    }
  );
}

/**
 * The consent gate, applied by the worker to each partner before a ticket exists. An adult's
 * own consent for the kind's scope lets it through; a child's needs a parent's, guardian's or
 * legal representative's (or the kind reaches children always); an audited override (imminent
 * danger, a child's best interest) lets it through without; imminent danger written on the
 * request reaches the police only. Anything else is held back, with the scope that is missing.
 */
export function consentFor(
  requirement: TConsentRequirement,
  facts: TConsentFacts,
  override: { reason: TConsentOverrideReason } | null = null,
): TConsentDecision {
  const { scope } = requirement;
  if (!scope) return { allowed: true, basis: 'not_required' };
  if (override) return { allowed: true, basis: override.reason };
  const consent = facts.consents.find((c) => c.scope === scope);
  if (facts.isChild) {
    if (requirement.childRule === 'always') return { allowed: true, basis: 'child_always' };
    if (consent?.granted && consent.givenBy !== 'self')
      return { allowed: true, basis: 'guardian_consent' };
  } else if (consent?.granted) return { allowed: true, basis: 'consent' };
  if (
    scope === 'report_to_police' &&
    facts.dangerOverride &&
    (facts.overrideJustification ?? '').trim().length >= 10
  )
    return { allowed: true, basis: 'danger_override' };
  return {
    allowed: false,
    scope,
    reason: facts.isChild ? 'guardian_consent_missing' : 'consent_missing',
  };
}
