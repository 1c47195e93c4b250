import type { TPartnerKind } from '../../../db/schema/partners';

export type TConsentFacts = {
  isChild: boolean;
  /** Consent to involve the police, as recorded on the case (not what the form claimed). */
  policeConsentRecorded: boolean;
  dangerOverride: boolean;
  overrideJustification: string | null;
};

export type TConsentDecision =
  | { allowed: true; basis: 'not_required' | 'child' | 'consent' | 'danger_override' }
  | { allowed: false; reason: 'police_consent_missing' };

/** Kinds that may only be involved with the person's consent when the person is an adult. */
const consentKinds: ReadonlySet<TPartnerKind> = new Set(['police']);

/**
 * The consent gate, applied by the worker to each ticket before it exists: an adult's case goes
 * to the police only with recorded consent; a child's always; imminent danger overrides only
 * with a written justification.
 */
export function consentFor(kind: TPartnerKind, facts: TConsentFacts): TConsentDecision {
  if (!consentKinds.has(kind)) return { allowed: true, basis: 'not_required' };
  if (facts.isChild) return { allowed: true, basis: 'child' };
  if (facts.policeConsentRecorded) return { allowed: true, basis: 'consent' };
  if (facts.dangerOverride && (facts.overrideJustification ?? '').trim().length >= 10)
    return { allowed: true, basis: 'danger_override' };
  return { allowed: false, reason: 'police_consent_missing' };
}
