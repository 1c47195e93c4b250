import type { TActor } from '../auth/actor';
import { AppError } from '../../errors/catalogue';
import { decryptField } from '../crypto/field-cipher';
import { pushPresence } from '../routing/routing.context';
import { completeTask } from '../routing/tasks.service';
import { directLegTarget } from '../voice/conference/bridge.service';
import { notify, type TCallbackDeps } from './callbacks.service';

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
  const call = await deps.repo.originalCall(task.callSid);
  const from = await ctx.hotlineNumber(task.hotline);
  if (!call?.fromEncrypted || !from) throw new AppError('NOT_FOUND');
  // Also what keeps a second click from ringing her twice.
  if (!(await ctx.presence.claimForCall(actor.userId, task.callSid)))
    throw new AppError('INVALID_TRANSITION');
  const urls = ctx.urls.callback(task.id);
  try {
    const leg = await ctx.telephony.createCall({
      to: await directLegTarget(ctx, actor.userId),
      from,
      url: urls.counsellor,
      statusCallback: urls.counsellorStatus,
      timeoutSeconds: RING_SECONDS,
    });
    await pushPresence(ctx, actor.userId);
    return { taskId: task.id, legSid: leg.callSid, conferenceName: callbackConference(task.id) };
  } catch (err) {
    ctx.log.warn({ err, taskId: task.id }, 'call-back could not be placed');
    await completeTask(ctx, actor.userId, task.callSid);
    throw new AppError('TELEPHONY_FAILED');
  }
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
    if (!call?.fromEncrypted || !from) throw new Error('the caller or the hotline number is gone');
    const to = decryptField(
      deps.keyring,
      { table: 'calls', column: 'from_encrypted', rowId: task.callSid },
      call.fromEncrypted,
    );
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
    await completeTask(ctx, task.takenBy, task.callSid);
    return 'hangup';
  }
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
  await completeTask(deps.ctx, task.takenBy, task.callSid);
  notify(deps, task);
}
