import { UnrecoverableError } from 'bullmq';
import { followUpDispatch } from '../../src/modules/referrals/followups/dispatch-followups.service';
import { releaseHeldReferral } from '../../src/modules/referrals/holds/release-holds.service';
import type { TProcessor } from '../processor';

export const referralReleaseProcessor: TProcessor<{ referralId: string }> = async (
  payload,
  { deps },
) => {
  const now = new Date();
  const outcome = await releaseHeldReferral(deps, payload.referralId, now);
  if (!outcome) throw new UnrecoverableError('referral not found');
  await followUpDispatch(deps, outcome, now);
  return { released: outcome.tickets.length };
};
