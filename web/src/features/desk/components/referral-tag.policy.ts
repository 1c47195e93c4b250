/** What one referral amounts to for its partners, as the tag beside it says. */
export type TReferralTag =
  | 'stored'
  | 'dispatched'
  | 'blocked_consent'
  | 'unrouted'
  | 'partly_held'
  | 'partly_withdrawn'
  | 'withdrawn';

type TReferralLike = {
  status: string;
  tickets: ReadonlyArray<{ state: string }>;
  holds: ReadonlyArray<{ status: string }>;
};

/**
 * The referral's stored status says only that the worker dispatched it; what the counsellor
 * needs is where each partner stands. A referral whose only ticket was withdrawn is not "sent".
 */
export function referralTag(referral: TReferralLike): TReferralTag | string {
  if (referral.status !== 'dispatched') return referral.status;
  const held = referral.holds.filter((h) => h.status === 'held').length;
  const withdrawn = referral.tickets.filter((t) => t.state === 'withdrawn').length;
  const live = referral.tickets.length - withdrawn;
  if (live === 0 && held > 0) return 'blocked_consent';
  if (live === 0 && withdrawn > 0) return 'withdrawn';
  if (held > 0) return 'partly_held';
  if (withdrawn > 0) return 'partly_withdrawn';
  return 'dispatched';
}
