import type { TActor } from '../auth/actor';
import { AppError } from '../../errors/catalogue';
import { decryptField } from '../crypto/field-cipher';
import { pushPresence } from '../routing/routing.context';
import { RoutingError } from '../routing/routing.errors';
import type { TAcceptedTask } from '../routing/task';
import { completeTask, taskEnded, taskMissed } from '../routing/tasks.service';
import type { TCallbackTask } from './callbacks.repository';
import { HOTLINE_TIME_ZONE } from '../hotlines/opening-hours.policy';
import { safeToDialNow } from './safe-time-rollover.policy';
import { directLegTarget } from '../voice/conference/bridge.service';
import { notify, presenceIdOf, type TCallbackDeps } from './callbacks.service';

/** A leg that ended without being answered. */
const MISSED = new Set(['no-answer', 'busy', 'failed', 'canceled']);
const RING_SECONDS = 30;

export function callbackConference(taskId: string): string {
  return `callback-${taskId}`;
}

/**
 * "Call now": rings the counsellor first (softphone, or her own mobile; the hotline's number
 * calls), and dials the caller only once she has answered (`callbackLegAnswered`). A caller who
 * may be at risk never picks up a call from the hotline to find nobody there.
 */
export async function placeCallback(deps: TCallbackDeps, actor: TActor, taskId: string) {
  const { ctx } = deps;
  const task = await deps.repo.get(taskId);
  if (!task || task.takenBy !== actor.userId) throw new AppError('NOT_FOUND');
  if (task.status !== 'taken') throw new AppError('INVALID_TRANSITION');
  // Taken by hand, a call-back still never rings the caller outside the safe time they keyed.
  const safe = safeToDialNow(
    {
      safeFrom: task.safeFrom?.getTime() ?? null,
      safeUntil: task.safeUntil?.getTime() ?? null,
      requestedAt: task.createdAt.getTime(),
    },
    Date.now(),
    HOTLINE_TIME_ZONE,
  );
  if (!safe.safe) throw new AppError('CALLBACK_OUTSIDE_SAFE_TIME');
  const call = await deps.repo.originalCall(task.callSid);
  const from = await ctx.hotlineNumber(task.hotline);
  if (!from || !(call?.fromEncrypted || task.callbackNumberEnc)) throw new AppError('NOT_FOUND');
  // Also what keeps a second click from ringing her twice.
  if (!(await ctx.presence.claimForCall(actor.userId, presenceIdOf(task))))
    throw new AppError('INVALID_TRANSITION');
  try {
    const leg = await ringCounsellorFirst(deps, actor.userId, task.id, from);
    await pushPresence(ctx, actor.userId);
    return { taskId: task.id, legSid: leg.callSid, conferenceName: callbackConference(task.id) };
  } catch (err) {
    ctx.log.warn({ err, taskId: task.id }, 'call-back could not be placed');
    await completeTask(ctx, actor.userId, presenceIdOf(task));
    throw new AppError('TELEPHONY_FAILED');
  }
}

/** Her leg, from the hotline's number; the caller is dialled once she answers. */
async function ringCounsellorFirst(deps: TCallbackDeps, userId: string, id: string, from: string) {
  const urls = deps.ctx.urls.callback(id);
  return deps.ctx.telephony.createCall({
    to: await directLegTarget(deps.ctx, userId),
    from,
    url: urls.counsellor,
    statusCallback: urls.counsellorStatus,
    timeoutSeconds: RING_SECONDS,
  });
}

/**
 * Routing offered a call-back that kept a caller's place, and the counsellor accepted it (the
 * offer said call-back): the task becomes hers and the same counsellor-first dial runs. When
 * she cannot be rung, the task goes back to its place in line (routing's taskMissed) and the
 * accept fails, as for a call.
 */
export async function routedCallbackAccepted(
  deps: TCallbackDeps,
  userId: string,
  accepted: TAcceptedTask,
): Promise<void> {
  const { ctx } = deps;
  const id = accepted.callSid.replace(/^cb-/, '');
  const task = await deps.repo.take(id, userId);
  if (!task) {
    // Taken by hand meanwhile: nothing left to offer; she is free again.
    await taskEnded(ctx, accepted.callSid);
    throw new RoutingError('OFFER_GONE');
  }
  notify(deps, task);
  const from = await ctx.hotlineNumber(task.hotline).catch(() => null);
  try {
    if (!from) throw new Error('the hotline has no number to call from');
    await ringCounsellorFirst(deps, userId, task.id, from);
  } catch (err) {
    ctx.log.warn({ err, taskId: task.id }, 'call-back could not ring the counsellor');
    await deps.repo.release(task.id, userId);
    await taskMissed(ctx, userId, accepted.callSid);
    notify(deps, { ...task, status: 'open' });
    throw new RoutingError('TELEPHONY_FAILED');
  }
  ctx.notifier.connected(userId, accepted.callSid, callbackConference(task.id));
}

/**
 * The counsellor answered her leg: now the caller is dialled with the hotline's number, and she
 * waits in the conference for them. 'hangup' when there is nothing to join (the task was
 * completed meanwhile, or the platform refused the call; she is then free again).
 */
export async function callbackLegAnswered(
  deps: TCallbackDeps,
  taskId: string,
): Promise<'join' | 'hangup'> {
  const { ctx } = deps;
  const task = await deps.repo.get(taskId);
  if (!task?.takenBy || task.status !== 'taken') return 'hangup';
  const call = await deps.repo.originalCall(task.callSid);
  const from = await ctx.hotlineNumber(task.hotline);
  try {
    if (!from) throw new Error('the hotline number is gone');
    const to = numberToCall(deps, task, call?.fromEncrypted ?? null);
    const placed = await ctx.telephony.createCall({
      to,
      from,
      url: ctx.urls.callback(task.id).caller,
      // The caller's leg reports like any call of the hotline.
      statusCallback: ctx.urls.status(task.hotline),
      timeoutSeconds: RING_SECONDS,
    });
    await deps.repo.markPlaced(task.id, placed.callSid);
    notify(deps, { ...task, status: 'placed' });
    return 'join';
  } catch (err) {
    ctx.log.warn({ err, taskId }, 'call-back could not dial the caller');
    await completeTask(ctx, task.takenBy, presenceIdOf(task));
    return 'hangup';
  }
}

/** The number the caller keyed for the call-back, else the one they called from. */
function numberToCall(deps: TCallbackDeps, task: TCallbackTask, fromEncrypted: string | null) {
  if (task.callbackNumberEnc)
    return decryptField(
      deps.keyring,
      { table: 'callback_tasks', column: 'callback_number_enc', rowId: task.id },
      task.callbackNumberEnc,
    );
  if (!fromEncrypted) throw new Error('the caller number is gone');
  return decryptField(
    deps.keyring,
    { table: 'calls', column: 'from_encrypted', rowId: task.callSid },
    fromEncrypted,
  );
}

/**
 * The counsellor's leg ended. Unanswered (no answer, busy, refused): nobody was dialled, she is
 * free again and the task stays hers to try again. Answered legs end with the call itself.
 */
export async function callbackLegEnded(
  deps: TCallbackDeps,
  taskId: string,
  status: string,
): Promise<void> {
  if (!MISSED.has(status)) return;
  const task = await deps.repo.get(taskId);
  if (!task?.takenBy || task.status !== 'taken') return;
  if (task.routed) {
    // Offered by routing: back to the caller's place in line, offered again (to someone else
    // first), and she is freed like after a call she did not answer.
    await deps.repo.release(task.id, task.takenBy);
    await taskMissed(deps.ctx, task.takenBy, presenceIdOf(task));
    notify(deps, { ...task, status: 'open' });
    return;
  }
  await completeTask(deps.ctx, task.takenBy, task.callSid);
  notify(deps, task);
}
