import type { TDatabase } from '../../infra/database';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { AppError } from '../../errors/catalogue';
import { decryptField, encryptField } from '../crypto/field-cipher';
import type { TKeyring } from '../crypto/keyring';
import { randomUUID } from 'node:crypto';
import { HOTLINE_TIME_ZONE } from '../hotlines/opening-hours.policy';
import {
  callbackTaskId,
  completeTask,
  keepPlaceForCallback,
  leaveQueue,
  queueScore,
  taskEnded,
  taskInfo,
  taskLeft,
} from '../routing/tasks.service';
import {
  resolveWindow,
  windowState,
  type TResolvedWindow,
  type TSafeWindow,
} from '../voice/callback-request.policy';
import type { TLiveCallContext } from '../voice/conference/live-call.context';
import type { callbacksRepository, TCallbackTask } from './callbacks.repository';
import { nextSafeTimes } from './safe-time-rollover.policy';

export type TCallbackDeps = {
  ctx: TLiveCallContext;
  db: TDatabase;
  repo: ReturnType<typeof callbacksRepository>;
  keyring: TKeyring;
};

export type TSafety = {
  safeToTalk: 'yes' | 'no' | 'unknown';
  safeCallbackWindow: string | null;
  noSms: boolean;
  noVoicemail: boolean;
};

/** Every desk of the hotline (and its supervisors) sees the task's new state. */
export function notify(deps: TCallbackDeps, task: TCallbackTask) {
  deps.ctx.notifier.callback(task.hotline, {
    taskId: task.id,
    status: task.status,
    hotline: task.hotline,
  });
}

/**
 * The caller pressed 1 while waiting, chose the number and their safe time: a task that takes
 * their own place in routing's queue, offered to a counsellor like a call when it reaches the
 * front, inside that safe time. 'connecting' when a counsellor was just being connected to the
 * caller (no call-back then: they are about to talk).
 */
export async function keepPlaceCallback(
  deps: TCallbackDeps,
  e: { callSid: string; hotline: string; window: TSafeWindow; number: string | null },
): Promise<{ state: 'kept'; window: TResolvedWindow } | { state: 'connecting' }> {
  const now = Date.now();
  const window = resolveWindow(e.window, now, HOTLINE_TIME_ZONE);
  const [score, call, info] = await Promise.all([
    queueScore(deps.ctx, e.callSid, e.hotline),
    deps.repo.originalCall(e.callSid),
    taskInfo(deps.ctx, e.callSid),
  ]);
  const id = randomUUID();
  const task = await deps.repo.create({
    id,
    callSid: e.callSid,
    hotline: e.hotline,
    language: info?.language ?? call?.language ?? 'lo',
    origin: 'requested',
    queueScore: score ?? call?.enqueuedAt?.getTime() ?? now,
    routed: true,
    safeWindow: e.window,
    safeFrom: window.safeFrom === null ? null : new Date(window.safeFrom),
    safeUntil: window.safeUntil === null ? null : new Date(window.safeUntil),
    callbackNumberEnc: e.number
      ? encryptField(
          deps.keyring,
          { table: 'callback_tasks', column: 'callback_number_enc', rowId: id },
          e.number,
        )
      : null,
  });
  // A replayed webhook: the first one already kept the place.
  if (!task) return { state: 'kept', window };
  const kept = await keepPlaceForCallback(deps.ctx, {
    callSid: e.callSid,
    callbackId: task.id,
    ...window,
  });
  if (kept.state !== 'kept') {
    await deps.repo.cancel(task.id);
    return { state: 'connecting' };
  }
  notify(deps, task);
  return { state: 'kept', window };
}

/** Routing's id for the task while it waits or is connected, else the original call's SID. */
export function presenceIdOf(task: Pick<TCallbackTask, 'id' | 'callSid' | 'routed'>): string {
  return task.routed ? callbackTaskId(task.id) : task.callSid;
}

/**
 * The caller's safe time as it stands now (once ended, the same hours of the next day: see
 * safe-time-rollover.policy), and why the call-back is not offered now: 'not-yet' before it
 * begins (null: it may be). Shown to counsellors beside the task, with when it begins.
 */
export function safeTimeNow(
  task: Pick<TCallbackTask, 'safeFrom' | 'safeUntil' | 'createdAt'>,
  now = Date.now(),
) {
  const w = {
    safeFrom: task.safeFrom?.getTime() ?? null,
    safeUntil: task.safeUntil?.getTime() ?? null,
    requestedAt: task.createdAt.getTime(),
  };
  const current = nextSafeTimes(w, now, HOTLINE_TIME_ZONE) ?? w;
  const state = windowState(current, now);
  return {
    heldWhy: state === 'inside' ? null : state,
    safeFrom: current.safeFrom === null ? null : new Date(current.safeFrom),
    safeUntil: current.safeUntil === null ? null : new Date(current.safeUntil),
  };
}

/** A counsellor decides to return a missed call. */
export async function callbackFromMissed(deps: TCallbackDeps, actor: TActor, callSid: string) {
  const call = await deps.repo.originalCall(callSid);
  if (!call || !actor.hotlines.includes(call.hotline)) throw new AppError('NOT_FOUND');
  const task = await deps.repo.create({
    callSid,
    hotline: call.hotline,
    language: call.language ?? 'lo',
    origin: 'missed',
    queueScore: call.enqueuedAt?.getTime() ?? Date.now(),
  });
  if (!task) throw new AppError('CONFLICT');
  notify(deps, task);
  return task;
}

async function latestContactOf(deps: TCallbackDeps, callSid: string) {
  const call = await deps.repo.originalCall(callSid);
  return call?.fromHash ? deps.repo.latestSafety(call.fromHash) : null;
}

async function safetyOf(deps: TCallbackDeps, callSid: string): Promise<TSafety | null> {
  const row = await latestContactOf(deps, callSid);
  if (!row) return null;
  return {
    safeToTalk: row.safeToTalk,
    safeCallbackWindow: row.safeCallbackWindowEnc
      ? decryptField(
          deps.keyring,
          { table: 'contacts', column: 'safe_callback_window_enc', rowId: row.id },
          row.safeCallbackWindowEnc,
        )
      : null,
    noSms: row.noSms,
    noVoicemail: row.noVoicemail,
  };
}

/**
 * The open tasks of the actor's hotlines with what earlier contacts said about safety in view
 * (safe window, no SMS, no voicemail). The code word is only said to exist: see revealCodeWord.
 */
export async function listCallbacks(deps: TCallbackDeps, actor: TActor) {
  const tasks = await deps.repo.listOpen(actor.hotlines);
  return Promise.all(
    tasks.map(async (task) => {
      const [safety, latest] = await Promise.all([
        safetyOf(deps, task.callSid),
        latestContactOf(deps, task.callSid),
      ]);
      return {
        ...task,
        safety,
        hasCodeWord: Boolean(latest?.codeWordEnc),
        ...safeTimeNow(task),
      };
    }),
  );
}

/** The caller's code word, shown only when a counsellor asks for it; every reveal is audited. */
export async function revealCodeWord(deps: TCallbackDeps, actor: TActor, taskId: string) {
  const task = await deps.repo.get(taskId);
  if (!task || !actor.hotlines.includes(task.hotline)) throw new AppError('NOT_FOUND');
  const row = await latestContactOf(deps, task.callSid);
  const codeWord = row?.codeWordEnc
    ? decryptField(
        deps.keyring,
        { table: 'contacts', column: 'code_word_enc', rowId: row.id },
        row.codeWordEnc,
      )
    : null;
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.ctx.config, {
      actorId: actor.userId,
      action: 'callback.code_word_viewed',
      entityType: 'callback_task',
      entityId: task.id,
    }),
  );
  return { codeWord };
}

/** Exactly one counsellor takes a task, and sees what earlier contacts said about safety. */
export async function takeCallback(deps: TCallbackDeps, actor: TActor, taskId: string) {
  const existing = await deps.repo.get(taskId);
  if (!existing || !actor.hotlines.includes(existing.hotline)) throw new AppError('NOT_FOUND');
  const task = await deps.repo.take(taskId, actor.userId, true);
  if (!task) throw new AppError('CALLBACK_TAKEN');
  // Taken by hand (e.g. a held one): it no longer waits to be offered.
  if (existing.routed) {
    const routingId = callbackTaskId(task.id);
    const left = await leaveQueue(deps.ctx, routingId, task.hotline);
    if (left.state === 'left') taskLeft(deps.ctx, routingId, task.hotline, left.withdrawn);
  }
  notify(deps, task);
  return { task, safety: await safetyOf(deps, task.callSid) };
}

export async function completeCallback(
  deps: TCallbackDeps,
  actor: TActor,
  taskId: string,
  outcome: NonNullable<TCallbackTask['outcome']>,
) {
  const task = await deps.repo.complete(taskId, actor.userId, outcome);
  if (!task) throw new AppError('NOT_FOUND');
  // Offered by routing: routing forgets the task and the counsellor wraps up.
  if (task.routed) await taskEnded(deps.ctx, presenceIdOf(task));
  await completeTask(deps.ctx, actor.userId, presenceIdOf(task));
  notify(deps, task);
  return task;
}
