import twilio from 'twilio';
import type { THotlineSettings } from '../hotlines/hotline-settings.repository';
import { digitPrompts, type TPromptKey } from '../prompts/prompt-catalogue.policy';
import { placeholderSpeech, recordedKey } from '../prompts/placeholder-speech.policy';

const { VoiceResponse } = twilio.twiml;
type TVoiceResponse = InstanceType<typeof VoiceResponse>;

/** Where the IVR's TwiML points Twilio: absolute URLs under PUBLIC_BASE_URL. */
export type TIvrUrls = {
  voice: (path: string, query: Record<string, string>) => string;
  prompt: (hotline: string, language: string, prompt: TPromptKey) => string;
};

export type TIvrContext = { hotline: THotlineSettings; urls: TIvrUrls; queueName: string };

const GATHER_TIMEOUT_S = 6;
const MAX_MENU_ATTEMPTS = 2;
const DIAL_TIMEOUT_S = 30;
const VOICEMAIL_MAX_S = 120;

type TSayLanguage = NonNullable<Parameters<TVoiceResponse['say']>[0]['language']>;
/** A `<Response>` or a `<Gather>`: both play and say. */
type TSpeaker = {
  play: (attrs: object, url: string) => unknown;
  say: (attrs: { language: TSayLanguage }, text: string) => unknown;
};

/**
 * One prompt: its recording with `<Play>`, or, while the hotline has none, `<Say>` telling the
 * caller it is a placeholder. Hotline settings carry which prompts are recorded, so the TwiML
 * remembered per settings object is rebuilt when a recording is approved.
 */
function play(target: TSpeaker, ctx: TIvrContext, lang: string, prompt: TPromptKey) {
  const recorded = ctx.hotline.recordedPrompts;
  if (recorded && !recorded.has(recordedKey(lang, prompt))) {
    const speech = placeholderSpeech(prompt, lang);
    target.say({ language: speech.language as TSayLanguage }, speech.text);
  } else target.play({}, ctx.urls.prompt(ctx.hotline.number, lang, prompt));
}

/** For the call-back dialog's TwiML (callback-ivr.twiml.policy): the same choice. */
export const playPrompt = play;

/*
 * TwiML depends only on the hotline's settings, the URLs and a few arguments, never on the caller,
 * so each answer is built once (twilio's XML builder was a large part of a webhook's CPU) and kept
 * until the settings object is replaced (the settings cache hands out a new one when they change).
 */
const built = new WeakMap<TIvrUrls, WeakMap<THotlineSettings, Map<string, string>>>();
const MAX_REMEMBERED_PER_HOTLINE = 1000;

function remembered(ctx: TIvrContext, key: string, build: () => string): string {
  let byHotline = built.get(ctx.urls);
  if (!byHotline) built.set(ctx.urls, (byHotline = new WeakMap()));
  let answers = byHotline.get(ctx.hotline);
  if (!answers) byHotline.set(ctx.hotline, (answers = new Map()));
  let twiml = answers.get(key);
  if (twiml === undefined) {
    twiml = build();
    if (answers.size < MAX_REMEMBERED_PER_HOTLINE) answers.set(key, twiml);
  }
  return twiml;
}

/** Neutral wording on purpose: a blocked caller is not told why or that they are blocked. */
export function blockedTwiml(ctx: TIvrContext): string {
  return remembered(ctx, 'blocked', () => {
    const r = new VoiceResponse();
    play(r, ctx, ctx.hotline.defaultLanguage, 'blocked');
    r.hangup();
    return r.toString();
  });
}

function appendVoicemail(r: TVoiceResponse, ctx: TIvrContext): void {
  play(r, ctx, ctx.hotline.defaultLanguage, 'after-hours-voicemail');
  r.record({
    action: ctx.urls.voice('voicemail', { hotline: ctx.hotline.number }),
    method: 'POST',
    maxLength: VOICEMAIL_MAX_S,
    playBeep: true,
    timeout: 5,
  });
  play(r, ctx, ctx.hotline.defaultLanguage, 'goodbye');
  r.hangup();
}

export function voicemailTwiml(ctx: TIvrContext): string {
  return remembered(ctx, 'voicemail', () => {
    const r = new VoiceResponse();
    appendVoicemail(r, ctx);
    return r.toString();
  });
}

/** Rings the duty mobile; the Dial action decides what happens if nobody answers. */
export function forwardTwiml(ctx: TIvrContext, reason: 'after-hours' | 'fallback'): string {
  return remembered(ctx, `forward:${reason}`, () => {
    const r = new VoiceResponse();
    const mobile = ctx.hotline.dutyMobile;
    if (!mobile) return reason === 'fallback' ? holdInTwilioQueueTwiml(ctx) : voicemailTwiml(ctx);
    play(
      r,
      ctx,
      ctx.hotline.defaultLanguage,
      reason === 'after-hours' ? 'after-hours-forward' : 'please-hold',
    );
    const dial = r.dial({
      timeout: DIAL_TIMEOUT_S,
      action: ctx.urls.voice('forward-result', { hotline: ctx.hotline.number, reason }),
      method: 'POST',
    });
    dial.number(mobile);
    return r.toString();
  });
}

export function afterHoursTwiml(ctx: TIvrContext): string {
  return ctx.hotline.afterHours === 'forward' && ctx.hotline.dutyMobile
    ? forwardTwiml(ctx, 'after-hours')
    : voicemailTwiml(ctx);
}

/*
 * The way in. The hotline's main language speaks first ("welcome", then "for another language,
 * press 9") inside one short <Gather>, so any key interrupts it; a caller who just stays on the
 * line is queued in the main language a second after the prompts end. Only a caller who presses
 * 9 hears the full menu. A caller in danger should not spend 16 seconds in a menu.
 */
const SHORT_GATHER_TIMEOUT_S = 1;
/** The key that opens the full language menu from the short way in. */
export const OTHER_LANGUAGE_KEY = '9';
/** `attempt` 0 in the language webhook's query: the answer to the short way in. */
export const SHORT_WAY_IN = 0;

export function welcomeTwiml(ctx: TIvrContext): string {
  return remembered(ctx, 'welcome', () => {
    const r = new VoiceResponse();
    const h = ctx.hotline;
    const next = { hotline: h.number, attempt: String(SHORT_WAY_IN) };
    const gather = r.gather({
      numDigits: 1,
      timeout: SHORT_GATHER_TIMEOUT_S,
      action: ctx.urls.voice('language', next),
      method: 'POST',
      actionOnEmptyResult: false,
    });
    play(gather, ctx, h.defaultLanguage, 'welcome');
    play(gather, ctx, h.defaultLanguage, 'other-language');
    r.redirect({ method: 'POST' }, ctx.urls.voice('language', next));
    return r.toString();
  });
}

/** The full language menu (after 9); no input comes back with attempt + 1. */
export function languageMenuTwiml(ctx: TIvrContext, attempt: number): string {
  return remembered(ctx, `menu:${attempt}`, () => {
    const r = new VoiceResponse();
    const h = ctx.hotline;
    const next = { hotline: h.number, attempt: String(attempt) };
    const gather = r.gather({
      numDigits: 1,
      timeout: GATHER_TIMEOUT_S,
      action: ctx.urls.voice('language', next),
      method: 'POST',
      actionOnEmptyResult: false,
    });
    // Each language's line is recorded in that language: "for Lao, press 1".
    for (const lang of h.languages) play(gather, ctx, lang, `lang-${lang}` as TPromptKey);
    r.redirect({ method: 'POST' }, ctx.urls.voice('language', next));
    return r.toString();
  });
}

/**
 * The caller's answer. From the short way in: silence queues in the main language, 9 opens the
 * menu, and a listed digit (a caller who knows the menu) picks that language at once. From the
 * menu: a listed digit picks; silence repeats it once, then the main language.
 */
export function chooseLanguage(
  hotline: Pick<THotlineSettings, 'languages' | 'defaultLanguage'>,
  digits: string | undefined,
  attempt: number,
): { language: string } | { repeat: number } {
  const index = digits && /^[1-9]$/.test(digits) ? Number(digits) - 1 : -1;
  const picked = hotline.languages[index];
  if (attempt === SHORT_WAY_IN) {
    if (digits === OTHER_LANGUAGE_KEY && hotline.languages.length > 1) return { repeat: 1 };
    return { language: picked ?? hotline.defaultLanguage };
  }
  if (picked) return { language: picked };
  if (hotline.languages.length <= 1 || attempt >= MAX_MENU_ATTEMPTS)
    return { language: hotline.defaultLanguage };
  return { repeat: attempt + 1 };
}

export function enqueueTwiml(
  ctx: TIvrContext,
  language: string,
  options: { notice: boolean },
): string {
  return remembered(ctx, `enqueue:${language}:${options.notice}`, () => {
    const r = new VoiceResponse();
    const q = { hotline: ctx.hotline.number, lang: language };
    if (options.notice) play(r, ctx, language, 'recording-notice');
    r.enqueue(
      {
        waitUrl: ctx.urls.voice('wait', q),
        waitUrlMethod: 'POST',
        action: ctx.urls.voice('queue-result', q),
        method: 'POST',
      },
      ctx.queueName,
    );
    return r.toString();
  });
}

/** Keeps the caller in Twilio's queue with no Redis entry (the reconciler adds it later). */
export function holdInTwilioQueueTwiml(ctx: TIvrContext, language?: string): string {
  return enqueueTwiml(ctx, language ?? ctx.hotline.defaultLanguage, { notice: false });
}

/** Rough wait: callers ahead × average handling time shared by the counsellors on duty. */
export function estimatedWaitMinutes(position: number, avgHandleSeconds = 240, agents = 2): number {
  return Math.max(1, Math.ceil((position * avgHandleSeconds) / Math.max(1, agents) / 60));
}

/** One round of the hold loop: position, estimated wait, "press 1 to be called back", hold music. */
export function waitTwiml(ctx: TIvrContext, language: string, position: number | null): string {
  return remembered(ctx, `wait:${language}:${position}`, () => {
    const r = new VoiceResponse();
    const gather = r.gather({
      numDigits: 1,
      timeout: 1,
      action: ctx.urls.voice('wait-choice', { hotline: ctx.hotline.number, lang: language }),
      method: 'POST',
      actionOnEmptyResult: false,
    });
    const say = (p: TPromptKey) => play(gather, ctx, language, p);
    if (position !== null && position > 0) {
      say('position');
      digitPrompts(position).forEach(say);
      say('estimated-wait');
      digitPrompts(estimatedWaitMinutes(position)).forEach(say);
      say('minutes');
    }
    say('callback-offer');
    play(r, ctx, language, 'hold-music');
    return r.toString();
  });
}

/** "1" asks for a call back and leaves the queue; anything else keeps waiting. */
export function waitChoiceTwiml(
  ctx: TIvrContext,
  language: string,
  wantsCallback: boolean,
): string {
  return remembered(ctx, `wait-choice:${language}:${wantsCallback}`, () => {
    const r = new VoiceResponse();
    if (wantsCallback) {
      play(r, ctx, language, 'callback-confirmed');
      r.leave();
    } else play(r, ctx, language, 'please-hold');
    return r.toString();
  });
}

/** After the caller left the queue (QueueResult). */
export function queueResultTwiml(ctx: TIvrContext, language: string, result: string): string {
  return remembered(ctx, `queue-result:${language}:${result}`, () => {
    const r = new VoiceResponse();
    if (result === 'leave') {
      play(r, ctx, language, 'goodbye');
      r.hangup();
    } else if (result === 'error' || result === 'system-error' || result === 'queue-full')
      return forwardTwiml(ctx, 'fallback');
    else if (result !== 'redirected') r.hangup();
    return r.toString();
  });
}

/** The after-call question, in the caller's language: one key, then goodbye either way. */
export function afterCallTwiml(ctx: TIvrContext, language: string): string {
  return remembered(ctx, `after-call:${language}`, () => {
    const r = new VoiceResponse();
    const answer = ctx.urls.voice('after-call-answer', {
      hotline: ctx.hotline.number,
      lang: language,
    });
    const gather = r.gather({
      numDigits: 1,
      timeout: GATHER_TIMEOUT_S,
      action: answer,
      method: 'POST',
      actionOnEmptyResult: false,
    });
    play(gather, ctx, language, 'after-call-question');
    play(r, ctx, language, 'goodbye');
    r.hangup();
    return r.toString();
  });
}

/** 1 = yes, 2 = no; any other key is not an answer. */
export function afterCallAnswer(digits: string | undefined): 'yes' | 'no' | null {
  return digits === '1' ? 'yes' : digits === '2' ? 'no' : null;
}

export function goodbyeTwiml(ctx: TIvrContext, language: string): string {
  return remembered(ctx, `goodbye:${language}`, () => {
    const r = new VoiceResponse();
    play(r, ctx, language, 'goodbye');
    r.hangup();
    return r.toString();
  });
}

export function afterVoicemailTwiml(ctx: TIvrContext): string {
  return remembered(ctx, 'after-voicemail', () => {
    const r = new VoiceResponse();
    play(r, ctx, ctx.hotline.defaultLanguage, 'voicemail-thanks');
    r.hangup();
    return r.toString();
  });
}

/** Duty mobile did not answer: after hours → voicemail; as a fallback → wait in Twilio's queue. */
export function forwardResultTwiml(ctx: TIvrContext, reason: string, dialStatus: string): string {
  if (dialStatus === 'completed' || dialStatus === 'answered') return hangupTwiml();
  return reason === 'fallback' ? holdInTwilioQueueTwiml(ctx) : voicemailTwiml(ctx);
}

const HANGUP = (() => {
  const r = new VoiceResponse();
  r.hangup();
  return r.toString();
})();
const EMPTY = new VoiceResponse().toString();

/** For a replayed or late webhook of a call that is already over: nothing more to do. */
export function hangupTwiml(): string {
  return HANGUP;
}

export function emptyTwiml(): string {
  return EMPTY;
}
