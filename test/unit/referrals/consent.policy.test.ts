import { describe, expect, it } from 'vitest';
import { defaultConsentRequirements } from '../../../src/contracts/consent-requirements';
import {
  consentFor,
  requirementFor,
  type TConsentFacts,
} from '../../../src/modules/referrals/consent/consent.policy';

const adult: TConsentFacts = {
  isChild: false,
  consents: [],
  dangerOverride: false,
  overrideJustification: null,
};
const child: TConsentFacts = { ...adult, isChild: true };
const shipped = (kind: Parameters<typeof requirementFor>[0]) =>
  requirementFor(kind, defaultConsentRequirements);
const granted = (scope: string, givenBy = 'self') => ({ scope, granted: true, givenBy });

describe('consent gate', () => {
  it('holds every partner kind back without the consent it needs', () => {
    for (const kind of ['shelter', 'labour', 'health', 'social_welfare', 'repatriation'] as const)
      expect(consentFor(shipped(kind), adult)).toEqual({
        allowed: false,
        scope: 'share_with_service_providers',
        reason: 'consent_missing',
      });
    expect(consentFor(shipped('police'), adult)).toEqual({
      allowed: false,
      scope: 'report_to_police',
      reason: 'consent_missing',
    });
  });
  it("lets an adult's own consent for the kind's scope through, and only that scope", () => {
    const facts = { ...adult, consents: [granted('share_with_service_providers')] };
    expect(consentFor(shipped('labour'), facts)).toEqual({ allowed: true, basis: 'consent' });
    expect(consentFor(shipped('police'), facts).allowed).toBe(false);
    const refused = { ...adult, consents: [{ ...granted('report_to_police'), granted: false }] };
    expect(consentFor(shipped('police'), refused).allowed).toBe(false);
  });
  it("asks a guardian's consent for a child (the child's own is not enough)", () => {
    const own = { ...child, consents: [granted('share_with_service_providers')] };
    expect(consentFor(shipped('shelter'), own)).toEqual({
      allowed: false,
      scope: 'share_with_service_providers',
      reason: 'guardian_consent_missing',
    });
    const guardian = {
      ...child,
      consents: [granted('share_with_service_providers', 'parent_or_guardian')],
    };
    expect(consentFor(shipped('shelter'), guardian)).toEqual({
      allowed: true,
      basis: 'guardian_consent',
    });
  });
  it("refers a child to the police always, as shipped; the administrators' rule decides", () => {
    expect(consentFor(shipped('police'), child)).toEqual({ allowed: true, basis: 'child_always' });
    const stricter = requirementFor('police', [
      { partnerKind: 'police', scope: 'report_to_police', childRule: 'guardian_or_best_interest' },
    ]);
    expect(consentFor(stricter, child).allowed).toBe(false);
    const none = requirementFor('shelter', [
      { partnerKind: 'shelter', scope: null, childRule: 'guardian_or_best_interest' },
    ]);
    expect(consentFor(none, adult)).toEqual({ allowed: true, basis: 'not_required' });
  });
  it('lets a recorded override through, with its reason as the basis', () => {
    expect(consentFor(shipped('shelter'), child, { reason: 'best_interest_of_child' })).toEqual({
      allowed: true,
      basis: 'best_interest_of_child',
    });
  });
  it('lets imminent danger written on the request reach the police only', () => {
    const danger = { ...adult, dangerOverride: true, overrideJustification: 'At the door now' };
    expect(consentFor(shipped('police'), danger)).toEqual({
      allowed: true,
      basis: 'danger_override',
    });
    expect(consentFor(shipped('shelter'), danger).allowed).toBe(false);
    expect(consentFor(shipped('police'), { ...danger, overrideJustification: '  ' }).allowed).toBe(
      false,
    );
  });
});
