import { encryptField } from '../crypto/field-cipher';
import { phoneHash } from '../crypto/phone-hash';
import { isOpen } from '../hotlines/opening-hours.policy';
import { offersLanguageChoice } from '../prompts/prompt-readiness.policy';
import {
  afterCallAnswer,
  afterCallTwiml,
  afterHoursTwiml,
  afterVoicemailTwiml,
  blockedTwiml,
  chooseLanguage,
  forwardResultTwiml,
  forwardTwiml,
  goodbyeTwiml,
  hangupTwiml,
  holdInTwilioQueueTwiml,
  languageMenuTwiml,
  welcomeTwiml,
} from './ivr-twiml.policy';
import { isOverForQueue } from './calls/calls.repository';
import {
  rawEvent,
  rememberedHotline,
  updateCallRow,
  webhookCall,
  writeReturning,
  type TTwilioParams,
  type TVoiceDeps,
} from './voice.context';
import { enqueueCaller } from './voice-queue.service';

/**
 * A new call to a hotline: record it (idempotent on CallSid), then block list, opening hours,
 * welcome and language menu. Store failures degrade (fail open on the block list, last-known
 * settings) instead of failing the caller.
 */
export async function incomingCall(
  deps: TVoiceDeps,
  hotlineNumber: string,
  params: TTwilioParams,
): Promise<string> {
  const { callSid, ctx } = await webhookCall(deps, hotlineNumber, params, null);
  const h = ctx.hotline;
  const now = deps.now();
  const open = isOpen(h.openingHours, now);
  // One language: no menu, the caller goes straight to the queue (readiness asks for no menu).
  const direct = open && !offersLanguageChoice(h);
  const afterHours = `after-hours-${h.afterHours === 'forward' && h.dutyMobile ? 'forward' : 'voicemail'}`;
  const call = {
    ...callerOf(deps, callSid, params),
    hotline: h.number,
    route: !open ? afterHours : direct ? 'queued' : 'ivr',
    ...(direct ? { language: h.defaultLanguage, enqueuedAt: now } : {}),
    startedAt: now,
  };
  const event = rawEvent(callSid, 'incoming', params, now);
  // One statement records the call and its event and looks the caller up in the block list.
  // If Postgres fails the call goes through: blocking a victim would be worse.
  const recorded = await writeReturning(
    deps,
    callSid,
    () => deps.calls.recordCallWithEvent(call, event),
    { type: 'call', call },
  );
  if (!recorded.ok) deps.buffer.add(callSid, { type: 'event', event });

  // A replay (or a very late delivery) of a call that is already over: keep it that way.
  if (recorded.ok && isOverForQueue(recorded.value)) return hangupTwiml();
  if (recorded.ok && recorded.value.blocked) {
    const update = { route: 'blocked', enqueuedAt: null };
    await updateCallRow(deps, callSid, update);
    return blockedTwiml(ctx);
  }
  if (!open) return afterHoursTwiml(ctx);
  if (direct) return enqueueCaller(deps, ctx, callSid, h.defaultLanguage, { recorded: true });
  return welcomeTwiml(ctx);
}

/** The answer to the short way in or to the language menu (or their silence). */
export async function languageChosen(
  deps: TVoiceDeps,
  hotlineNumber: string,
  attempt: number,
  params: TTwilioParams,
): Promise<string> {
  const { callSid, ctx } = await webhookCall(deps, hotlineNumber, params, 'language');
  const choice = chooseLanguage(ctx.hotline, params.Digits, attempt);
  if ('repeat' in choice) return languageMenuTwiml(ctx, choice.repeat);
  return enqueueCaller(deps, ctx, callSid, choice.language);
}

/** The counsellor hung up and the hotline asks the after-call question. */
export async function afterCallAsked(
  deps: TVoiceDeps,
  hotlineNumber: string,
  language: string,
  params: TTwilioParams,
): Promise<string> {
  const { callSid, ctx } = await webhookCall(deps, hotlineNumber, params, null);
  const update = { afterCallAskedAt: deps.now() };
  await updateCallRow(deps, callSid, update);
  return afterCallTwiml(ctx, language);
}

/** The caller's key after the question: kept on the call (yes / no), then goodbye. */
export async function afterCallAnswered(
  deps: TVoiceDeps,
  hotlineNumber: string,
  language: string,
  params: TTwilioParams,
): Promise<string> {
  const { callSid, ctx } = await webhookCall(deps, hotlineNumber, params, 'after-call-answer');
  const answer = afterCallAnswer(params.Digits);
  if (answer) {
    const update = { afterCallAnswer: answer };
    await updateCallRow(deps, callSid, update);
  }
  return goodbyeTwiml(ctx, language);
}

export async function voicemailRecorded(
  deps: TVoiceDeps,
  hotlineNumber: string,
  params: TTwilioParams,
): Promise<string> {
  const { callSid, ctx } = await webhookCall(deps, hotlineNumber, params, 'voicemail');
  const url = params.RecordingUrl;
  if (url) {
    const update = { voicemailUrl: url };
    await updateCallRow(deps, callSid, update);
  }
  return afterVoicemailTwiml(ctx);
}

export async function forwardFinished(
  deps: TVoiceDeps,
  hotlineNumber: string,
  reason: string,
  params: TTwilioParams,
): Promise<string> {
  const { ctx } = await webhookCall(deps, hotlineNumber, params, 'forward-result');
  return forwardResultTwiml(ctx, reason, params.DialCallStatus ?? '');
}

/**
 * Twilio's fallback URL (our primary answer failed or timed out) and our own deadline fallback:
 * from memory only. Redis-driven routing cannot be trusted here, so a known duty mobile is rung;
 * otherwise the caller waits in Twilio's queue and the reconciler queues them in Redis later.
 */
export function fallbackTwiml(deps: TVoiceDeps, hotlineNumber: string, callSid: string): string {
  const ctx = rememberedHotline(deps, hotlineNumber);
  if (ctx.hotline.dutyMobile) return forwardTwiml(ctx, 'fallback');
  if (callSid)
    deps.buffer.add(callSid, {
      type: 'queue-add',
      caller: {
        callSid,
        hotline: ctx.hotline.number,
        language: ctx.hotline.defaultLanguage,
        enqueuedAt: deps.now().getTime(),
        priorityBoostMs: 0,
      },
    });
  return holdInTwilioQueueTwiml(ctx);
}

export async function fallbackCall(
  deps: TVoiceDeps,
  hotlineNumber: string,
  params: TTwilioParams,
): Promise<string> {
  const callSid = params.CallSid ?? '';
  const twiml = fallbackTwiml(deps, hotlineNumber, callSid);
  const ctx = rememberedHotline(deps, hotlineNumber);
  const call = {
    ...callerOf(deps, callSid, params),
    hotline: ctx.hotline.number,
    route: ctx.hotline.dutyMobile ? 'forwarded-fallback' : 'twilio-queue-fallback',
    startedAt: deps.now(),
    needsReconciliation: true,
  };
  // The primary attempt may have recorded the call already; this one only marks it.
  deps.buffer.add(callSid, { type: 'call', call });
  deps.buffer.add(callSid, {
    type: 'event',
    event: rawEvent(callSid, 'fallback', params, deps.now()),
  });
  return twiml;
}

/** The call's own SID and its caller's number as stored: encrypted, plus a keyed hash for lookups. */
function callerOf(deps: TVoiceDeps, callSid: string, params: TTwilioParams) {
  const from = params.From ?? params.Caller ?? '';
  return {
    callSid,
    fromEncrypted: from
      ? encryptField(
          deps.keyring,
          { table: 'calls', column: 'from_encrypted', rowId: callSid },
          from,
        )
      : null,
    fromHash: from ? phoneHash(deps.keyring, from) : null,
  };
}
