import type { TCallLifecycle } from '../voice/call-lifecycle.events';
import { counsellorFinished } from '../voice/conference/bridge.service';
import { noteCallerLeft } from './offer.service';
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
    // Telephony already took the caller out of Redis (and withdrew their offer) in one step.
    lifecycle.on('caller.left-queue', (e) =>
      GONE.has(e.result)
        ? noteCallerLeft(ctx, e.callSid, e.hotline, e.withdrawn ?? null)
        : undefined,
    ),
    lifecycle.on('call.status', async (e) => {
      if (!TERMINAL.has(e.status)) return;
      // One Redis step clears the caller (and any offer for them) and names their counsellor.
      const ended = await ctx.offers.callEnded(e.callSid);
      noteCallerLeft(ctx, e.callSid, ended.hotline ?? '', ended.withdrawn);
      if (ended.counsellor) await counsellorFinished(ctx, ended.counsellor, e.callSid);
    }),
  ];
  return () => offs.forEach((off) => off());
}
