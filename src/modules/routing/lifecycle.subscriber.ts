import type { TCallLifecycle } from '../telephony/call-lifecycle.events';
import { counsellorFinished } from './bridge.service';
import { callerLeft } from './offer.service';
import type { TRoutingContext } from './routing.context';

const TERMINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
/** Queue results after which the caller is no longer waiting and was not bridged by us. */
const GONE = new Set(['hangup', 'leave', 'error', 'system-error', 'callback']);

/**
 * Telephony tells routing what happened at the edge; dispatch reacts at once. The sweep in the
 * realtime plugin covers events lost with a crashed node.
 */
export function subscribeToCallLifecycle(
  lifecycle: TCallLifecycle,
  ctx: TRoutingContext,
): () => void {
  const offs = [
    lifecycle.on('caller.queued', (e) => {
      ctx.notifier.queueChanged(e.hotline);
      return e.entry
        ? ctx.dispatcher.settleNewcomer(e.entry.offer, e.entry.terms)
        : ctx.dispatcher.newcomer(e.callSid);
    }),
    lifecycle.on('caller.left-queue', (e) =>
      GONE.has(e.result) ? callerLeft(ctx, e.callSid, e.hotline) : undefined,
    ),
    lifecycle.on('call.status', async (e) => {
      if (!TERMINAL.has(e.status)) return;
      const { counsellor, hotline } = await ctx.offers.connectionOf(e.callSid);
      // Independent steps (the caller's entry, the counsellor's state): the counsellor is free
      // for the next caller without waiting for the caller's clean-up.
      await Promise.all([
        callerLeft(ctx, e.callSid, hotline ?? ''),
        counsellor ? counsellorFinished(ctx, counsellor, e.callSid) : undefined,
      ]);
      await ctx.offers.forgetCaller(e.callSid);
    }),
  ];
  return () => offs.forEach((off) => off());
}
