import {
  askHourTwiml,
  askKeyNumberTwiml,
  askNumberTwiml,
  askWhenTwiml,
  callbackSummaryTwiml,
  keepWaitingTwiml,
  nextAttempt,
  type TCallbackDialog,
  type TCallbackStep,
} from './callback-ivr.twiml.policy';
import {
  keyedHour,
  keyedNumber,
  numberChoice,
  windowChoice,
  type TSafeWindow,
} from './callback-request.policy';
import type { TIvrContext } from './ivr-twiml.policy';
import { webhookCall, writeReturning, type TTwilioParams, type TVoiceDeps } from './voice.context';

/** A caller's number as Twilio gives it, when it is one that can be called back. */
function callingFrom(params: TTwilioParams): string | null {
  const from = params.From ?? '';
  return /^\+\d{6,15}$/.test(from) ? from : null;
}

/** "1" while waiting: the call-back dialog starts with the caller's safe time. */
export function startCallbackDialog(ctx: TIvrContext, language: string): string {
  return askWhenTwiml(ctx, { language, attempt: 0 });
}

/**
 * One answer of the call-back dialog (callback-ivr.twiml.policy). The last one books the
 * call-back at the caller's place in line and tells them, once, what will happen.
 */
export async function callbackStep(
  deps: TVoiceDeps,
  hotlineNumber: string,
  step: TCallbackStep,
  d: TCallbackDialog,
  params: TTwilioParams,
): Promise<string> {
  const digits = params.Digits;
  // A keyed number is personal data: it never reaches the call's event log.
  const { Digits: _digits, ...logged } = params;
  const { callSid, ctx } = await webhookCall(
    deps,
    hotlineNumber,
    params,
    `callback-${step}`,
    step === 'key' ? logged : params,
  );
  const again = (ask: (next: TCallbackDialog) => string) => {
    const next = nextAttempt(d);
    return next ? ask(next) : keepWaitingTwiml(ctx, d.language);
  };
  const fresh = { ...d, attempt: 0 };

  if (step === 'when') {
    const kind = windowChoice(digits);
    if (!kind) return again((n) => askWhenTwiml(ctx, n, true));
    if (kind === 'any') return askNumberTwiml(ctx, { ...fresh, kind }, callingFrom(params));
    return askHourTwiml(ctx, { ...fresh, kind });
  }
  if (step === 'hour') {
    const hour = keyedHour(digits);
    if (hour === null) return again((n) => askHourTwiml(ctx, n, true));
    return askNumberTwiml(ctx, { ...fresh, hour }, callingFrom(params));
  }
  // The number steps come last: the safe time must be complete by then.
  const window = windowOf(d);
  if (!window) return askWhenTwiml(ctx, fresh);
  if (step === 'number') {
    const choice = numberChoice(digits);
    const own = callingFrom(params);
    if (choice === 'other' || (choice === 'this' && !own)) return askKeyNumberTwiml(ctx, fresh);
    if (!choice) return again((n) => askNumberTwiml(ctx, n, own, true));
    return book(deps, ctx, callSid, d.language, window, null, own);
  }
  const number = keyedNumber(digits);
  if (!number) return again((n) => askKeyNumberTwiml(ctx, n, true));
  return book(deps, ctx, callSid, d.language, window, number, number);
}

/** The dialog's safe time once complete ('any' needs no hour). */
function windowOf(d: TCallbackDialog): TSafeWindow | null {
  if (d.kind === 'any') return { kind: 'any' };
  if ((d.kind === 'until' || d.kind === 'from') && d.hour !== undefined)
    return { kind: d.kind, hour: d.hour };
  return null;
}

async function book(
  deps: TVoiceDeps,
  ctx: TIvrContext,
  callSid: string,
  language: string,
  window: TSafeWindow,
  keyed: string | null,
  heard: string | null,
): Promise<string> {
  const hotline = ctx.hotline.number;
  const kept = await deps.callbacks.keepPlace({ callSid, hotline, window, number: keyed });
  // A counsellor is being connected to the caller right now: no call-back, they will talk.
  if (kept.state !== 'kept') return keepWaitingTwiml(ctx, language);
  await writeReturning(deps, callSid, () => deps.calls.requestCallback(callSid), {
    type: 'update',
    update: { callbackRequested: true },
  });
  deps.events.emit('callback.requested', { callSid, hotline });
  return callbackSummaryTwiml(ctx, language, {
    number: heard,
    window,
    resolved: kept.window,
  });
}
