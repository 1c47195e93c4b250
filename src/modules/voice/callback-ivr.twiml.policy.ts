import twilio from 'twilio';
import { digitPrompts, type TPromptKey } from '../prompts/prompt-catalogue.policy';
import type { TResolvedWindow, TSafeWindow } from './callback-request.policy';
import { lastDigits } from './callback-request.policy';
import { playPrompt, type TIvrContext } from './ivr-twiml.policy';

const { VoiceResponse } = twilio.twiml;
type TVoiceResponse = InstanceType<typeof VoiceResponse>;

/*
 * The call-back dialog after "press 1", still inside Twilio's queue (the wait URL's Gathers), so
 * the caller keeps waiting at their place while they answer and a counsellor who comes free
 * meanwhile simply takes the call. Order: safe time first, number last, so a keyed number goes
 * straight from the last answer into the encrypted task and never travels in a URL. Each step
 * asks at most twice; after that the caller just stays in line (nothing lost, no call-back
 * booked on a guess).
 */

/** The dialog's steps, as the `step` query of `/voice/callback-step`. */
export const callbackSteps = ['when', 'hour', 'number', 'key'] as const;
export type TCallbackStep = (typeof callbackSteps)[number];

const MAX_ATTEMPTS = 2;
const KEY_TIMEOUT_S = 8;

/** What the dialog carries from step to step (no personal data: the hour and the choice). */
export type TCallbackDialog = {
  language: string;
  attempt: number;
  kind?: TSafeWindow['kind'];
  hour?: number;
};

function query(ctx: TIvrContext, step: TCallbackStep, d: TCallbackDialog): Record<string, string> {
  const q: Record<string, string> = {
    hotline: ctx.hotline.number,
    lang: d.language,
    step,
    attempt: String(d.attempt),
  };
  if (d.kind) q.kind = d.kind;
  if (d.hour !== undefined) q.hour = String(d.hour);
  return q;
}

function ask(
  ctx: TIvrContext,
  step: TCallbackStep,
  d: TCallbackDialog,
  prompts: readonly TPromptKey[],
  keys: { numDigits?: number; finishOnKey?: string },
): string {
  const r = new VoiceResponse();
  const gather = r.gather({
    ...(keys.numDigits ? { numDigits: keys.numDigits } : {}),
    ...(keys.finishOnKey ? { finishOnKey: keys.finishOnKey } : {}),
    timeout: KEY_TIMEOUT_S,
    action: ctx.urls.voice('callback-step', query(ctx, step, d)),
    method: 'POST',
    actionOnEmptyResult: true,
  });
  for (const p of prompts) playPrompt(gather, ctx, d.language, p);
  return r.toString();
}

/** "If we may call any time press 1; only until an hour, 2; only from an hour, 3." */
export function askWhenTwiml(ctx: TIvrContext, d: TCallbackDialog, again = false): string {
  const prompts: TPromptKey[] = again
    ? ['callback-not-understood', 'callback-when']
    : ['callback-when'];
  return ask(ctx, 'when', d, prompts, { numDigits: 1 });
}

/** "Key the hour, 0 to 23, then hash." */
export function askHourTwiml(ctx: TIvrContext, d: TCallbackDialog, again = false): string {
  const prompts: TPromptKey[] = again
    ? ['callback-not-understood', 'callback-hour']
    : ['callback-hour'];
  return ask(ctx, 'hour', d, prompts, { numDigits: 2, finishOnKey: '#' });
}

/** "To be called back on the number you are calling from, ending in 2345, press 1; another, 2." */
export function askNumberTwiml(
  ctx: TIvrContext,
  d: TCallbackDialog,
  callingFrom: string | null,
  again = false,
): string {
  const ending = callingFrom ? digitPrompts0(lastDigits(callingFrom)) : [];
  const prompts: TPromptKey[] = [
    ...(again ? (['callback-not-understood'] as const) : []),
    'callback-number',
    ...ending,
  ];
  return ask(ctx, 'number', d, prompts, { numDigits: 1 });
}

/** "Key the number to call, then hash." */
export function askKeyNumberTwiml(ctx: TIvrContext, d: TCallbackDialog, again = false): string {
  const prompts: TPromptKey[] = again
    ? ['callback-not-understood', 'callback-key-number']
    : ['callback-key-number'];
  return ask(ctx, 'key', d, prompts, { numDigits: 16, finishOnKey: '#' });
}

/** Digits as they are keyed, leading zeros kept (digitPrompts reads a number). */
function digitPrompts0(digits: string): TPromptKey[] {
  return digits.split('').map((d) => `digit-${d}` as TPromptKey);
}

/** Whether the dialog asks again or gives up (the caller stays in line). */
export function nextAttempt(d: TCallbackDialog): TCallbackDialog | null {
  return d.attempt + 1 >= MAX_ATTEMPTS ? null : { ...d, attempt: d.attempt + 1 };
}

/** Gave up after the second try, or the caller was being connected: keep waiting. */
export function keepWaitingTwiml(ctx: TIvrContext, language: string): string {
  const r = new VoiceResponse();
  playPrompt(r, ctx, language, 'please-hold');
  return r.toString();
}

/**
 * What will happen, said once before the caller leaves the queue: "we will call you back when
 * your place in line is reached, on the number ending in 2345", then "only until 17 o'clock" or
 * "not before 19 o'clock", then "you may hang up now". Hours are read in the hotline's time.
 */
export function callbackSummaryTwiml(
  ctx: TIvrContext,
  language: string,
  summary: { number: string | null; window: TSafeWindow; resolved: TResolvedWindow },
): string {
  const r = new VoiceResponse();
  const say = (p: TPromptKey) => playPrompt(r, ctx, language, p);
  say('callback-summary');
  if (summary.number) digitPrompts0(lastDigits(summary.number)).forEach(say);
  if (summary.window.kind !== 'any') {
    say(summary.window.kind === 'until' ? 'callback-only-until' : 'callback-only-from');
    digitPrompts(summary.window.hour).forEach(say);
    say('o-clock');
  }
  say('callback-confirmed');
  appendLeave(r);
  return r.toString();
}

function appendLeave(r: TVoiceResponse): void {
  r.leave();
}
