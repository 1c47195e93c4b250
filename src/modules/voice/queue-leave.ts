import type { TWaitingQueue } from '../routing/waiting-queue.repository';
import type { TCallLifecycle } from './call-lifecycle.events';
import { callerLeftQueue, type TVoiceRouting } from './voice-routing.port';

/**
 * Takes a caller out of the Redis queue, or marks them gone when they are not in it yet (a late
 * entry is then refused), in one atomic step; when they were waiting, routing is told, with the
 * offer this withdrew (the counsellor's desk stops ringing, the call's history shows it).
 * `result` is Twilio's queue result: 'hangup', 'leave', 'redirected', …
 */
export async function leaveQueue(
  deps: { queue: TWaitingQueue; routing: TVoiceRouting; events: TCallLifecycle },
  callSid: string,
  hotline: string,
  result: string,
): Promise<void> {
  const left = await deps.queue.leaveOrMarkGone(callSid, hotline);
  if (left.state === 'absent') return;
  const { withdrawn } = left;
  callerLeftQueue(deps, { callSid, hotline, result, ...(withdrawn && { withdrawn }) });
}
