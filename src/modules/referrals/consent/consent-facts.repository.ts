import type { referrals } from '../../../../db/schema/referrals';
import type { TConfig } from '../../../config/config';
import type { TDbOrTx } from '../../audit/audit.repository';
import { consentsInForce, requirementRules } from '../../consent/consent-requirements.repository';
import { decryptField } from '../../crypto/field-cipher';
import { keyringFromConfig } from '../../crypto/keyring';
import type { TConsentFacts, TConsentInForce } from './consent.policy';

/** What the consent gate needs, read from the records at the moment the worker decides. */
export async function consentInputsFor(
  db: TDbOrTx,
  config: TConfig,
  referral: typeof referrals.$inferSelect,
) {
  const [consents, requirements] = await Promise.all([
    consentsInForce(db, referral.personId),
    requirementRules(db),
  ]);
  return { facts: consentFactsOf(config, referral, consents), requirements };
}

/** The facts when the consents were read with the referral (the dispatch's one read). */
export function consentFactsOf(
  config: TConfig,
  referral: typeof referrals.$inferSelect,
  consents: readonly TConsentInForce[],
): TConsentFacts {
  return {
    isChild: referral.subject.isChild,
    consents,
    dangerOverride: referral.dangerOverride,
    overrideJustification: referral.overrideJustificationEnc
      ? decryptField(
          keyringFromConfig(config),
          { table: 'referrals', column: 'override_justification_enc', rowId: referral.id },
          referral.overrideJustificationEnc,
        )
      : null,
  };
}
