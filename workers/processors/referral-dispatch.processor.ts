import { UnrecoverableError } from 'bullmq';
import { dispatchReferral } from '../../src/modules/referrals/dispatch/dispatch-referral.service';
import { followUpDispatch } from '../../src/modules/referrals/followups/dispatch-followups.service';
import type { TProcessor } from '../processor';

export const referralDispatchProcessor: TProcessor<{ referralId: string }> = async (
  payload,
  { deps },
) => {
  const now = new Date();
  const outcome = await dispatchReferral(deps, payload.referralId, now);
  if (!outcome) throw new UnrecoverableError('referral not found');
  await followUpDispatch(deps, outcome, now);
  return { tickets: outcome.tickets.length, blocked: outcome.blockedUnitIds.length };
};
