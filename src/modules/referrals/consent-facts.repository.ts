import type { referrals } from '../../../db/schema/referrals';
import type { TConfig } from '../../config/config';
import { decryptField } from '../crypto/field-cipher';
import { keyringFromConfig } from '../crypto/keyring';
import type { TTx } from '../tickets/tickets.repository';
import type { TConsentFacts } from './consent.policy';
import { policeConsentRecorded } from './consent-source.repository';

/** What the consent gate needs, read from the records at the moment the worker decides. */
export async function consentFactsFor(
  tx: TTx,
  config: TConfig,
  referral: typeof referrals.$inferSelect,
): Promise<TConsentFacts> {
  return consentFactsOf(config, referral, await policeConsentRecorded(tx, referral));
}

/** The same facts when the police consent was read with the referral (the dispatch's one read). */
export function consentFactsOf(
  config: TConfig,
  referral: typeof referrals.$inferSelect,
  policeConsent: boolean,
): TConsentFacts {
  return {
    isChild: referral.subject.isChild,
    policeConsentRecorded: policeConsent,
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
