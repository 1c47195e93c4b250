import type { TResolvedWindow, TSafeWindow } from './callback-request.policy';
import type { TTaskApi } from '../routing/tasks.service';
import type { TCallLifecycle } from './call-lifecycle.events';
import { isCallStatus, isTerminal } from './calls/call-state.policy';

/**
 * What voice tells routing about its tasks (a caller queued, left the line, a call ended):
 * routing's task API, called explicitly. Bound to the node's routing in the composition root.
 * Each call also goes to the call's observers (`TCallLifecycle`: logs, tests), which route nothing.
 */
export type TVoiceRouting = Pick<TTaskApi, 'queued' | 'left' | 'ended'>;

/** Where a caller's "call me back" goes (the call-back tasks, modules/callbacks). */
export type TCallbackRequests = {
  /**
   * The caller chose a call-back that keeps their place (number and safe time given): 'kept'
   * with the safe time as instants, or 'connecting' when a counsellor is already on her way.
   */
  keepPlace(e: {
    callSid: string;
    hotline: string;
    window: TSafeWindow;
    number: string | null;
  }): Promise<{ state: 'kept'; window: TResolvedWindow } | { state: 'connecting' }>;
};

type TTold = { routing: TVoiceRouting; events: TCallLifecycle };

/** Queue results after which the caller is no longer waiting and was not bridged by routing. */
const GONE = new Set(['hangup', 'leave', 'error', 'system-error', 'callback']);

/**
 * The caller left the queue: routing is told when they are gone for good (a redirect out of the
 * queue is routing's own bridging move), the call's observers in any case.
 */
export function callerLeftQueue(
  deps: TTold,
  e: {
    callSid: string;
    hotline: string;
    result: string;
    withdrawn?: { offerId: string; userId: string };
  },
): void {
  if (GONE.has(e.result)) deps.routing.left(e.callSid, e.hotline, e.withdrawn ?? null);
  deps.events.emit('caller.left-queue', e);
}

/**
 * The call's state moved (a status callback, or its replay): observers hear of it, and when the
 * call is over routing ends its task (the caller and any offer go; the counsellor wraps up).
 */
export function callStatusChanged(deps: TTold, callSid: string, status: string): void {
  deps.events.emit('call.status', { callSid, status });
  if (isCallStatus(status) && isTerminal(status)) deps.routing.ended(callSid);
}
