import {
  newcomerTerms,
  type TQueueEntry,
  type TWaitingCaller,
} from '../routing/waiting-queue.repository';
import { isOverForQueue } from './calls/calls.repository';
import {
  enqueueTwiml,
  forwardTwiml,
  hangupTwiml,
  holdInTwilioQueueTwiml,
  queueResultTwiml,
  waitChoiceTwiml,
  waitTwiml,
  type TIvrContext,
} from './ivr-twiml.policy';
import { startCallbackDialog } from './callback-ivr.service';
import { leaveQueue } from './queue-leave';
import { callerLeftQueue } from './voice-routing.port';
import { guard } from '../../infra/store-guard';
import {
  storeTimeout,
  updateCallRow,
  writeReturning,
  type TTwilioParams,
  type TVoiceDeps,
  webhookCall,
} from './voice.context';

/**
 * Puts the caller in the hotline's Redis queue (which decides the order) and Twilio's queue
 * (which holds the call). With Redis down, nobody could be offered the call: the duty mobile
 * is rung if there is one, otherwise Twilio holds the caller until the reconciler queues them.
 * A call that is already over (a replayed or late webhook) is never queued again: it gets
 * <Hangup/> and nothing changes.
 */
export async function enqueueCaller(
  deps: TVoiceDeps,
  ctx: TIvrContext,
  callSid: string,
  language: string,
  options: { recorded?: boolean; reentry?: boolean } = {},
): Promise<string> {
  const now = deps.now();
  let enqueuedAt = now;
  // `recorded`: the incoming webhook already wrote language, route and enqueue time, and saw
  // the call live. Otherwise Postgres decides first (one conditional update), Redis second.
  if (!options.recorded) {
    const entry = await writeReturning(
      deps,
      callSid,
      () =>
        deps.calls.enterQueue(callSid, {
          language,
          route: 'queued',
          at: now,
          ...(options.reentry ? { reentry: true } : {}),
        }),
      { type: 'update', update: { language, enqueuedAt: now, route: 'queued' } },
    );
    if (entry.ok && entry.value.state === 'over') return hangupTwiml();
    if (entry.ok && entry.value.state === 'open') enqueuedAt = entry.value.enqueuedAt;
  }
  const caller: TWaitingCaller = {
    callSid,
    hotline: ctx.hotline.number,
    language,
    enqueuedAt: enqueuedAt.getTime(),
    priorityBoostMs: 0,
  };
  // The entry also makes the first offer when a counsellor is free (one Redis step).
  const entering = deps.queue.enter(caller, newcomerTerms(deps.config, Date.now()));
  const queued = await guard(() => entering, storeTimeout(deps));
  const forward = !queued.ok && ctx.hotline.dutyMobile !== null;
  if (!queued.ok) settleLateEntry(deps, entering, caller, forward);
  if (forward) {
    const update = { route: 'forwarded-fallback' };
    await updateCallRow(deps, callSid, update);
  }
  if (queued.ok) {
    if (queued.value.state === 'gone') return hangupTwiml();
    if (!options.recorded && (await endedMeanwhile(deps, callSid, caller.hotline)))
      return hangupTwiml();
    announceQueued(deps, caller, queued.value);
    return enqueueTwiml(ctx, language, { notice: ctx.hotline.recordingNotice });
  }
  if (forward) return forwardTwiml(ctx, 'fallback');
  deps.buffer.add(callSid, { type: 'queue-add', caller });
  return holdInTwilioQueueTwiml(ctx, language);
}

/** Routing announces the offer the entry made (or runs a round if it could not decide alone). */
function announceQueued(
  deps: TVoiceDeps,
  caller: TWaitingCaller,
  entry: Extract<TQueueEntry, { state: 'queued' }>,
): void {
  const { callSid, hotline, language, enqueuedAt } = caller;
  deps.routing.queued({ taskId: callSid, hotline }, entry);
  deps.events.emit('caller.queued', { callSid, hotline, language, enqueuedAt, entry });
}

/**
 * Redis may still run an entry the webhook stopped waiting for (slow, not down), and that entry
 * may have reserved a free counsellor. Left alone, the offer would reach nobody: the caller waits
 * for the offer time-out and the counsellor is charged a time-out (three make them away). So a
 * late entry is announced like any other, or, when the caller went to the duty mobile instead,
 * taken out of the queue again (which withdraws its offer).
 */
function settleLateEntry(
  deps: TVoiceDeps,
  entering: Promise<TQueueEntry>,
  caller: TWaitingCaller,
  forwarded: boolean,
): void {
  entering.then(
    async (entry) => {
      if (entry.state === 'gone') return;
      if (forwarded) return removeFromQueue(deps, caller.callSid, caller.hotline, 'leave');
      announceQueued(deps, caller, entry);
    },
    // Never ran: the buffered entry (or the reconciler) queues the caller once Redis is back.
    () => undefined,
  );
}

/**
 * The hang-up (status or queue result) may land between our Postgres check and the Redis entry;
 * it writes Postgres before it clears Redis, so looking again after our entry closes that gap.
 * The incoming webhook's first entry (`recorded`) needs no second look: a hang-up that found no
 * entry marks the caller (`removeFromQueue`), and the enqueue script refuses a marked caller.
 */
async function endedMeanwhile(deps: TVoiceDeps, callSid: string, hotline: string) {
  const state = await guard(() => deps.calls.queueState(callSid), storeTimeout(deps));
  if (!state.ok || state.value === null || !isOverForQueue(state.value)) return false;
  // The entry may have made an offer: taking the caller out withdraws it, and routing is told.
  await removeFromQueue(deps, callSid, hotline, 'hangup');
  return true;
}

/** Re-entry point for routing (e.g. a counsellor did not answer): the caller keeps their place. */
export async function requeueCaller(
  deps: TVoiceDeps,
  hotlineNumber: string,
  language: string,
  params: TTwilioParams,
): Promise<string> {
  const { callSid, ctx } = await webhookCall(deps, hotlineNumber, params, 'requeue');
  return enqueueCaller(deps, ctx, callSid, language, { reentry: true });
}

/** One round of the wait loop. Position comes from Redis, or from Twilio's own count if Redis is down. */
export async function waitRound(
  deps: TVoiceDeps,
  hotlineNumber: string,
  language: string,
  params: TTwilioParams,
): Promise<string> {
  const callSid = params.CallSid ?? '';
  // The place in line needs only the number (the settings carry the same one): all three at once.
  const [{ ctx }, position] = await Promise.all([
    webhookCall(deps, hotlineNumber, params, 'wait'),
    guard(() => deps.queue.position(callSid, hotlineNumber), storeTimeout(deps)),
  ]);
  const twilioPosition = Number(params.QueuePosition);
  const place =
    position.ok && position.value !== null
      ? position.value
      : Number.isInteger(twilioPosition) && twilioPosition > 0
        ? twilioPosition
        : null;
  return waitTwiml(ctx, language, place);
}

export async function waitChoice(
  deps: TVoiceDeps,
  hotlineNumber: string,
  language: string,
  params: TTwilioParams,
): Promise<string> {
  const { ctx } = await webhookCall(deps, hotlineNumber, params, 'wait-choice');
  // "1": the call-back dialog (number, safe time), still waiting at the same place in line.
  if (params.Digits === '1') return startCallbackDialog(ctx, language);
  return waitChoiceTwiml(ctx, language, false);
}

/** Twilio tells us how the caller left its queue (QueueResult). */
export async function queueLeft(
  deps: TVoiceDeps,
  hotlineNumber: string,
  language: string,
  params: TTwilioParams,
): Promise<string> {
  const callSid = params.CallSid ?? '';
  const result = params.QueueResult ?? 'hangup';
  const at = deps.now();
  const update = { queueResult: result, leftQueueAt: at };
  const [{ ctx }, left] = await Promise.all([
    webhookCall(deps, hotlineNumber, params, 'queue-result'),
    writeReturning(deps, callSid, () => deps.calls.leaveQueue(callSid, result, at), {
      type: 'update',
      update,
    }),
  ]);
  // Already recorded: a replay or a late duplicate, which must not touch the queue again.
  if (left.ok && !left.value) return queueResultTwiml(ctx, language, result);
  // A redirect out of the queue is routing's own move (bridging); routing owns that entry.
  if (result === 'redirected')
    callerLeftQueue(deps, { callSid, hotline: ctx.hotline.number, result });
  else await removeFromQueue(deps, callSid, ctx.hotline.number, result);
  return queueResultTwiml(ctx, language, result);
}

/**
 * Removes a caller from the Redis queue (queue-leave). A removal Redis runs after the deadline
 * still tells routing; one that never ran is replayed by the buffer once Redis is back.
 */
export async function removeFromQueue(
  deps: TVoiceDeps,
  callSid: string,
  hotline: string,
  result: string,
): Promise<void> {
  const left = await guard(() => leaveQueue(deps, callSid, hotline, result), storeTimeout(deps));
  if (!left.ok) deps.buffer.add(callSid, { type: 'queue-remove', hotline, result });
}
