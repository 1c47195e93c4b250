import { describe, expect, it } from 'vitest';
import { consentFor, type TConsentFacts } from '../../../src/modules/referrals/consent.policy';

const adult: TConsentFacts = {
  isChild: false,
  policeConsentRecorded: false,
  dangerOverride: false,
  overrideJustification: null,
};

describe('consent gate', () => {
  it('keeps an adult away from the police without recorded consent', () => {
    expect(consentFor('police', adult)).toEqual({
      allowed: false,
      reason: 'police_consent_missing',
    });
  });
  it('lets an adult reach the police with recorded consent', () => {
    expect(consentFor('police', { ...adult, policeConsentRecorded: true })).toEqual({
      allowed: true,
      basis: 'consent',
    });
  });
  it('always refers a child to the police', () => {
    expect(consentFor('police', { ...adult, isChild: true })).toEqual({
      allowed: true,
      basis: 'child',
    });
  });
  it('lets imminent danger override only with a written justification', () => {
    expect(
      consentFor('police', { ...adult, dangerOverride: true, overrideJustification: '  ' }).allowed,
    ).toBe(false);
    expect(
      consentFor('police', {
        ...adult,
        dangerOverride: true,
        overrideJustification: 'Trafficker is at the door now',
      }),
    ).toEqual({ allowed: true, basis: 'danger_override' });
  });
  it('does not ask for consent for a shelter', () => {
    expect(consentFor('shelter', adult)).toEqual({ allowed: true, basis: 'not_required' });
  });
});
