import { mobileRingSeconds } from './mobile-leg.policy';
import type { TAcceptedTask } from '../../routing/task';
import type { TLiveCallContext } from './live-call.context';

/**
 * Rings the counsellor's own mobile with the hotline's number as caller ID. The leg is a call
 * of its own whose TwiML whispers first; it joins the caller's conference only after the key 1.
 */
export async function ringMobile(
  ctx: TLiveCallContext,
  args: {
    userId: string;
    call: Pick<TAcceptedTask, 'callSid' | 'hotline'>;
    number: string;
    from: string;
  },
): Promise<{ callSid: string }> {
  const urls = ctx.urls.mobileLeg({
    callSid: args.call.callSid,
    userId: args.userId,
    hotline: args.call.hotline,
  });
  return ctx.telephony.createCall({
    to: args.number,
    from: args.from,
    url: urls.whisper,
    statusCallback: urls.status,
    timeoutSeconds: mobileRingSeconds(ctx.settings.offerTimeoutMs),
  });
}
