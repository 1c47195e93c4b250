import { mobileRingSeconds } from './mobile-leg.policy';
import type { TAcceptedCall } from '../../routing/offers.repository';
import type { TRoutingContext } from '../../routing/routing.context';

export function mobileLegUrls(
  base: string,
  args: { callSid: string; userId: string; hotline: string },
) {
  const root = `${base.replace(/\/+$/, '')}/webhooks/twilio/mobile-leg`;
  const q = new URLSearchParams({ callSid: args.callSid, userId: args.userId }).toString();
  return {
    whisper: `${root}/whisper?${q}&${new URLSearchParams({ hotline: args.hotline }).toString()}`,
    key: `${root}/key?${q}`,
    status: `${root}/status?${q}`,
  };
}

/**
 * Rings the counsellor's own mobile with the hotline's number as caller ID. The leg is a call
 * of its own whose TwiML whispers first; it joins the caller's conference only after the key 1.
 */
export async function ringMobile(
  ctx: TRoutingContext,
  args: {
    userId: string;
    call: Pick<TAcceptedCall, 'callSid' | 'hotline'>;
    number: string;
    from: string;
  },
): Promise<{ callSid: string }> {
  const urls = mobileLegUrls(ctx.config.PUBLIC_BASE_URL, {
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
