// Referral vocabulary shared by the server (schema, staff and partner APIs) and the web app.
// Plain constants only: web/ imports this file, so nothing server-side may be imported here.

export const referralNeeds = [
  'shelter',
  'police',
  'labour',
  'medical',
  'legal_aid',
  'psychosocial',
  'education_vocational',
  'reintegration',
  'repatriation',
] as const;
export type TReferralNeed = (typeof referralNeeds)[number];

export const referralPriorities = ['emergency', 'urgent', 'routine'] as const;
export type TReferralPriority = (typeof referralPriorities)[number];

/** Why the consent gate held a referral back from a partner, and whether it was released since. */
export const referralHoldReasons = ['consent_missing', 'guardian_consent_missing'] as const;
export const referralHoldStatuses = ['held', 'released'] as const;
