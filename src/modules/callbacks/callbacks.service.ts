import type { TDatabase } from '../../infra/database';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { AppError } from '../../errors/catalogue';
import { decryptField } from '../crypto/field-cipher';
import type { TKeyring } from '../crypto/keyring';
import { completeTask, queueScore, taskInfo } from '../routing/tasks.service';
import type { TLiveCallContext } from '../voice/conference/live-call.context';
import type { callbacksRepository, TCallbackTask } from './callbacks.repository';

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

/** The caller pressed 1 while waiting: a task that keeps their place in line. */
export async function callbackRequested(
  deps: TCallbackDeps,
  e: { callSid: string; hotline: string },
): Promise<void> {
  const [score, call, language] = await Promise.all([
    // Place in line of a caller still waiting (routing's score, ms).
    queueScore(deps.ctx, e.callSid, e.hotline),
    deps.repo.originalCall(e.callSid),
    taskInfo(deps.ctx, e.callSid).then((c) => c?.language ?? null),
  ]);
  const task = await deps.repo.create({
    callSid: e.callSid,
    hotline: e.hotline,
    language: language ?? call?.language ?? 'lo',
    origin: 'requested',
    queueScore: score ?? call?.enqueuedAt?.getTime() ?? Date.now(),
  });
  if (task) notify(deps, task);
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
      return { ...task, safety, hasCodeWord: Boolean(latest?.codeWordEnc) };
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
  const task = await deps.repo.take(taskId, actor.userId);
  if (!task) throw new AppError('CALLBACK_TAKEN');
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
  await completeTask(deps.ctx, actor.userId, task.callSid);
  notify(deps, task);
  return task;
}
