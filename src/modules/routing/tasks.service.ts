import { toView } from './presence/presence.repository';
import type { TWithdrawnOffer } from './offers.repository';
import { pushPresence, type TRoutingContext } from './routing.context';
import { newcomerTerms, type TQueueEntry, type TWaitingCaller } from './waiting-queue.repository';
import type { TTask } from './task';

/**
 * Routing's task API, what a channel (voice, chat) calls: a task enters the queue, leaves it,
 * ends, goes back in line when its counsellor could not be connected, or is completed. Offers
 * (accept, reject, time-out) are offer.service's; presence is presence/. Nothing here knows what
 * carries a task.
 */

/** A task as the waiting queue stores it. */
function asWaiting(task: TTask): TWaitingCaller {
  return {
    callSid: task.taskId,
    channel: task.channel,
    hotline: task.hotline,
    language: task.language,
    enqueuedAt: task.enqueuedAt,
    priorityBoostMs: task.priorityBoostMs,
  };
}

/**
 * Puts the task in line and, in the same Redis step, offers it when a counsellor fits and
 * nobody else is waiting to be offered ('gone': the task ended before its entry landed). The
 * channel then hands the entry to `taskQueued`; it may give up waiting for this step (a slow
 * Redis) and settle it later.
 */
export function enterQueue(ctx: TRoutingContext, task: TTask, now = Date.now()) {
  return ctx.queue.enter(asWaiting(task), newcomerTerms(ctx.config, now));
}

/** The same without the offer (idempotent: replays after an outage). */
export function addToQueue(ctx: TRoutingContext, task: TTask) {
  return ctx.queue.add(asWaiting(task));
}

/**
 * A task is in line: its queue's view moves, and the offer its entry made is announced (or a
 * dispatch round decides when the entry could not, or when there was no entry step).
 */
export async function taskQueued(
  ctx: TRoutingContext,
  task: Pick<TTask, 'taskId' | 'hotline'>,
  entry?: Extract<TQueueEntry, { state: 'queued' }>,
): Promise<void> {
  ctx.notifier.queueChanged(task.hotline);
  return entry
    ? ctx.dispatcher.settleNewcomer(entry.offer, entry.terms)
    : ctx.dispatcher.newcomer(task.taskId);
}

/**
 * Takes a task out of the line when it ends before being connected; when it was not in line
 * yet, marks it so that an entry still on its way is refused. One atomic step.
 */
export function leaveQueue(ctx: TRoutingContext, taskId: string, hotline: string) {
  return ctx.queue.leaveOrMarkGone(taskId, hotline);
}

/** After a task left the line: its queue's view moves, and an offer withdrawn for it is logged. */
export function taskLeft(
  ctx: TRoutingContext,
  taskId: string,
  hotline: string,
  withdrawn: TWithdrawnOffer | null,
): void {
  // '' when the task was already forgotten (an end after it left the queue): no queue moved.
  if (hotline) ctx.notifier.queueChanged(hotline);
  if (!withdrawn) return;
  ctx.events.record({
    callSid: taskId,
    kind: 'routing.offer-withdrawn',
    payload: { offerId: withdrawn.offerId, userId: withdrawn.userId },
  });
}

/**
 * The task is over for good (the caller hung up, the chat closed): one Redis step clears it
 * (and any offer for it) and names its counsellor, who then wraps up.
 */
export async function taskEnded(ctx: TRoutingContext, taskId: string): Promise<void> {
  const ended = await ctx.offers.callEnded(taskId);
  taskLeft(ctx, taskId, ended.hotline ?? '', ended.withdrawn);
  if (ended.counsellor) await completeTask(ctx, ended.counsellor, taskId);
}

/**
 * The counsellor who accepted could not be connected (no answer, the channel refused): the task
 * goes back to its place in line, the counsellor is freed (counted as missed) and dispatch runs.
 * Returns where the task waits again, or null when it is no longer known.
 */
export async function taskMissed(ctx: TRoutingContext, userId: string, taskId: string) {
  const back = await ctx.offers.requeue(taskId);
  await ctx.presence.endCall({
    userId,
    callSid: taskId,
    outcome: 'missed',
    now: Date.now(),
    wrapUpMs: ctx.settings.wrapUpMs,
    maxConsecutiveTimeouts: ctx.settings.maxConsecutiveTimeouts,
  });
  ctx.events.record({ callSid: taskId, kind: 'routing.bridge-failed', payload: { userId } });
  if (back) ctx.notifier.queueChanged(back.hotline);
  ctx.notifier.ended(userId, taskId);
  await pushPresence(ctx, userId);
  void ctx.dispatcher.kick();
  return back;
}

/**
 * A task goes back in line on purpose (a cold transfer to another hotline or language queue),
 * keeping its place. Returns where it waits, or null when it was not connected.
 */
export function requeueTask(
  ctx: TRoutingContext,
  taskId: string,
  to: { hotline?: string; language?: string } = {},
  by?: string,
) {
  return ctx.offers.requeue(taskId, to, by);
}

/**
 * The counsellor hands a connected task back to the line (a chat transferred to another hotline
 * or language, or back to the queue): it keeps its place, she is done with it (wrap-up), and
 * dispatch offers it to whoever else fits (to her again only if nobody does). Null when routing
 * no longer holds it connected.
 */
export async function transferTask(
  ctx: TRoutingContext,
  taskId: string,
  userId: string,
  to: { hotline: string; language: string },
) {
  const back = await requeueTask(ctx, taskId, to, userId);
  if (!back) return null;
  ctx.events.record({ callSid: taskId, kind: 'routing.transferred', payload: { ...to, userId } });
  await completeTask(ctx, userId, taskId);
  ctx.notifier.queueChanged(back.hotline);
  void ctx.dispatcher.kick();
  return back;
}

/** The counsellor is done with this task: wrap-up starts (or they are free at once). */
export async function completeTask(
  ctx: TRoutingContext,
  userId: string,
  taskId: string,
): Promise<void> {
  const ended = await ctx.presence.endCall({
    userId,
    callSid: taskId,
    outcome: 'completed',
    now: Date.now(),
    wrapUpMs: ctx.settings.wrapUpMs,
    maxConsecutiveTimeouts: ctx.settings.maxConsecutiveTimeouts,
  });
  if (!ended) return;
  ctx.events.record({ callSid: taskId, kind: 'routing.ended', payload: { userId } });
  ctx.notifier.ended(userId, taskId);
  ctx.notifier.presence(toView(ended.record));
  if (ended.state === 'available') void ctx.dispatcher.kick();
}

/** Routing's id of a call-back task that waits in line (never a call's SID: those start CA). */
export function callbackTaskId(callbackId: string): string {
  return `cb-${callbackId}`;
}

/**
 * The waiting caller chose a call-back: the task takes the caller's own place in line (same
 * score), offered like a call (kind 'callback') but only inside the caller's safe time. The
 * caller's offer, if one was ringing, is withdrawn (they are about to hang up), and dispatch
 * runs: the call-back may be first in line right now.
 */
export async function keepPlaceForCallback(
  ctx: TRoutingContext,
  args: { callSid: string; callbackId: string; safeFrom: number | null; safeUntil: number | null },
) {
  const kept = await ctx.queue.keepPlace({
    callSid: args.callSid,
    taskId: callbackTaskId(args.callbackId),
    safeFrom: args.safeFrom,
    safeUntil: args.safeUntil,
    now: Date.now(),
  });
  if (kept.state !== 'kept') return kept;
  taskLeft(ctx, args.callSid, kept.hotline, kept.withdrawn);
  void ctx.dispatcher.kick();
  return kept;
}

/**
 * A held call-back's caller's safe time moved on to the next day's: routing holds it at its
 * place until then; the supervisor's queue list shows the new time, and dispatch runs in case the
 * new safe time has already begun.
 */
export async function moveCallbackSafeTimes(
  ctx: TRoutingContext,
  args: { callbackId: string; hotline: string; safeFrom: number; safeUntil: number; now: number },
) {
  const state = await ctx.queue.moveSafeTimes({
    taskId: callbackTaskId(args.callbackId),
    safeFrom: args.safeFrom,
    safeUntil: args.safeUntil,
    now: args.now,
  });
  if (state === 'absent') return state;
  ctx.notifier.queueChanged(args.hotline);
  if (state === 'waiting') void ctx.dispatcher.kick();
  return state;
}

/** The task's place in line as a score (first enqueue time minus boost), or null. */
export function queueScore(ctx: TRoutingContext, taskId: string, hotline: string) {
  return ctx.queue.score(taskId, hotline);
}

/** Language and hotline of a task routing still holds, or null. */
export function taskInfo(ctx: TRoutingContext, taskId: string) {
  return ctx.offers.callerInfo(taskId);
}

/** Far more than a failover leaves; a bound so an hour without Redis cannot grow it forever. */
const MAX_UNFINISHED_ENDS = 10_000;

/** Ends again the tasks whose end failed (see TRoutingContext.unfinishedEnds); for the sweep. */
export async function retryUnfinishedEnds(ctx: TRoutingContext): Promise<void> {
  for (const taskId of [...ctx.unfinishedEnds]) {
    await taskEnded(ctx, taskId);
    ctx.unfinishedEnds.delete(taskId);
  }
}

/**
 * The task API bound to one routing context, for a channel module that keeps no context of
 * its own. Fire-and-forget steps (queued, left, ended) never throw at the channel: their
 * failures are logged here, and the sweep covers what they leave behind.
 */
export function taskApi(ctx: TRoutingContext) {
  const logged = (what: string) => (err: unknown) => ctx.log.error({ err }, what);
  return {
    enter: (task: TTask, now?: number) => enterQueue(ctx, task, now),
    add: (task: TTask) => addToQueue(ctx, task),
    queued(
      task: Pick<TTask, 'taskId' | 'hotline'>,
      entry?: Extract<TQueueEntry, { state: 'queued' }>,
    ): void {
      taskQueued(ctx, task, entry).catch(logged('dispatch after a queue entry failed'));
    },
    leave: (taskId: string, hotline: string) => leaveQueue(ctx, taskId, hotline),
    left(taskId: string, hotline: string, withdrawn: TWithdrawnOffer | null): void {
      taskLeft(ctx, taskId, hotline, withdrawn);
    },
    ended(taskId: string): void {
      taskEnded(ctx, taskId).catch((err: unknown) => {
        logged('ending a task failed; the sweep will try again')(err);
        if (ctx.unfinishedEnds.size < MAX_UNFINISHED_ENDS) ctx.unfinishedEnds.add(taskId);
      });
    },
    transfer: (taskId: string, userId: string, to: { hotline: string; language: string }) =>
      transferTask(ctx, taskId, userId, to),
    position: (taskId: string, hotline: string) => ctx.queue.position(taskId, hotline),
    score: (taskId: string, hotline: string) => queueScore(ctx, taskId, hotline),
    info: (taskId: string) => taskInfo(ctx, taskId),
  };
}

export type TTaskApi = ReturnType<typeof taskApi>;
