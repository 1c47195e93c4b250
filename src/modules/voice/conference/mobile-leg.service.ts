import { counsellorLegStatus } from './bridge.service';
import { decideOnKey, decideOnStatus } from './mobile-leg.policy';
import type { TLiveCallContext } from './live-call.context';

/**
 * The mobile answered: true when the caller is still this counsellor's to take (the whisper
 * plays). A caller who hung up while the mobile rang is not whispered about: the leg ends.
 */
export async function mobileAnswered(
  ctx: TLiveCallContext,
  args: { userId: string; callSid: string; legSid: string },
): Promise<boolean> {
  if ((await ctx.offers.connectedTo(args.callSid)) === args.userId) return true;
  await ctx.mobileLegs.settle(args.legSid, 'missed');
  return false;
}

/**
 * The key pressed after the whisper (or none). 1 joins the conference; anything else sends the
 * caller back to the same place in line and counts as a missed offer for this counsellor, as an
 * unanswered softphone does. A caller who hung up or is already back in line is never joined.
 */
export async function mobileKeyPressed(
  ctx: TLiveCallContext,
  args: { userId: string; callSid: string; legSid: string; digits: string | undefined },
): Promise<'join' | 'hangup'> {
  const decision = decideOnKey(args.digits);
  if ((await ctx.offers.connectedTo(args.callSid)) !== args.userId) {
    await ctx.mobileLegs.settle(args.legSid, 'missed');
    return 'hangup';
  }
  if (!(await ctx.mobileLegs.settle(args.legSid, decision)))
    // A repeated webhook: answer as the first one did.
    return (await ctx.mobileLegs.outcome(args.legSid)) === 'joined' ? 'join' : 'hangup';
  if (decision === 'joined') return 'join';
  await counsellorLegStatus(ctx, {
    userId: args.userId,
    callSid: args.callSid,
    status: 'no-answer',
  });
  return 'hangup';
}

/** Status callback of the mobile leg (see decideOnStatus). */
export async function mobileLegStatus(
  ctx: TLiveCallContext,
  args: { userId: string; callSid: string; legSid: string; status: string },
): Promise<void> {
  const joined = (await ctx.mobileLegs.outcome(args.legSid)) === 'joined';
  const decision = decideOnStatus(args.status, joined);
  if (decision === 'none') return;
  if (decision === 'finished') {
    await counsellorLegStatus(ctx, {
      userId: args.userId,
      callSid: args.callSid,
      status: 'completed',
    });
    return;
  }
  // Declined by key already, or a repeated callback: the caller is back in line once only.
  if (!(await ctx.mobileLegs.settle(args.legSid, 'missed'))) return;
  if ((await ctx.offers.connectedTo(args.callSid)) !== args.userId) return;
  await counsellorLegStatus(ctx, {
    userId: args.userId,
    callSid: args.callSid,
    status: 'no-answer',
  });
}
