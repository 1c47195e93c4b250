import twilio from 'twilio';
import { TWILIO_WEBHOOK_PREFIX } from '../../telephony/callback-urls';
import { MAX_PIN_DIGITS } from './recording-pin.policy';
import type { TRecordingSlot } from './recording-line.policy';

const { VoiceResponse } = twilio.twiml;
type TResponse = InstanceType<typeof VoiceResponse>;

/*
 * The recording line speaks English with Twilio's voice: it is heard by administrators, not
 * callers, and Twilio has no Lao voice. Which prompt and language is said by name.
 */
const VOICE = { language: 'en-US' } as const;
const MAX_RECORDING_S = 120;

const LANGUAGE_NAMES: Record<string, string> = {
  lo: 'Lao',
  hmn: 'Hmong',
  kjg: 'Khmu',
  en: 'English',
  th: 'Thai',
  vi: 'Vietnamese',
  zh: 'Chinese',
};

export type TLineState = { line: string; user: string; skip: number };

/** The line's webhook URLs, from the configured public base (what Twilio signs). */
export function recordingLineUrls(publicBaseUrl: string) {
  const base = `${publicBaseUrl.replace(/\/+$/, '')}${TWILIO_WEBHOOK_PREFIX}/voice/recording-line`;
  const at = (path: string, query: Record<string, string>) =>
    `${base}${path}?${new URLSearchParams(query).toString()}`;
  const state = (s: TLineState) => ({ line: s.line, user: s.user, skip: String(s.skip) });
  const slot = (s: TRecordingSlot) => ({ hotline: s.hotline, lang: s.language, prompt: s.prompt });
  return {
    /** The Voice URL the recording number is configured with at Twilio. */
    entry: base,
    pin: (line: string, attempt: number) => at('/pin', { line, try: String(attempt) }),
    next: (s: TLineState) => at('/next', state(s)),
    recorded: (s: TLineState, r: TRecordingSlot) => at('/recorded', { ...state(s), ...slot(r) }),
    choice: (s: TLineState, r: TRecordingSlot, recordingSid: string) =>
      at('/choice', { ...state(s), ...slot(r), rec: recordingSid }),
  };
}
export type TRecordingLineUrls = ReturnType<typeof recordingLineUrls>;

function ending(words: string): string {
  const r = new VoiceResponse();
  r.say(VOICE, words);
  r.hangup();
  return r.toString();
}

export const notInServiceTwiml = () =>
  ending('This number is not a recording line at the moment. Goodbye.');
export const tooManyTriesTwiml = () =>
  ending('Too many wrong PINs from this number. Please try again later. Goodbye.');
export const refusedTwiml = () => ending('The PIN was not accepted. Goodbye.');
export const failedTwiml = () =>
  ending('Sorry, something went wrong on our side. Please call again. Goodbye.');
export const doneTwiml = () =>
  ending(
    'There is nothing more to record. New recordings wait for approval in the administration screen. Thank you. Goodbye.',
  );

/** "Key your PIN, then hash"; after a wrong one, says so first. */
export function askPinTwiml(urls: TRecordingLineUrls, line: string, attempt: number): string {
  const r = new VoiceResponse();
  const gather = r.gather({
    input: ['dtmf'],
    finishOnKey: '#',
    numDigits: MAX_PIN_DIGITS + 1,
    timeout: 10,
    action: urls.pin(line, attempt),
    method: 'POST',
    actionOnEmptyResult: true,
  });
  gather.say(
    VOICE,
    attempt === 1
      ? 'Prompt recording line. Please key your PIN, then press hash.'
      : 'That PIN was not accepted. Please key your PIN again, then press hash.',
  );
  r.say(VOICE, 'No PIN was keyed. Goodbye.');
  r.hangup();
  return r.toString();
}

function describe(slot: TRecordingSlot, left: number): string {
  const language = LANGUAGE_NAMES[slot.language] ?? slot.language;
  return `Hotline ${slot.hotline.split('').join(' ')}. Prompt: ${slot.prompt.replace(/-/g, ' ')}, in ${language}. ${left} prompts left.`;
}

/** Says which prompt and language, then records it (the beep starts it, hash ends it). */
export function recordSlotTwiml(
  urls: TRecordingLineUrls,
  state: TLineState,
  slot: TRecordingSlot,
  left: number,
): string {
  const r = new VoiceResponse();
  r.say(VOICE, `${describe(slot, left)} Speak after the beep, then press hash.`);
  r.record({
    action: urls.recorded(state, slot),
    method: 'POST',
    maxLength: MAX_RECORDING_S,
    finishOnKey: '#',
    playBeep: true,
    timeout: 5,
    trim: 'trim-silence',
  });
  // Only reached when nothing was heard (Twilio then skips the action): ask again.
  r.say(VOICE, 'Nothing was heard.');
  r.redirect({ method: 'POST' }, urls.next(state));
  return r.toString();
}

/** Plays the recording back: 1 keeps it, 2 records again, 3 skips this prompt. */
export function reviewTwiml(
  urls: TRecordingLineUrls,
  state: TLineState,
  slot: TRecordingSlot,
  recording: { sid: string; url: string },
): string {
  const r: TResponse = new VoiceResponse();
  const gather = r.gather({
    input: ['dtmf'],
    numDigits: 1,
    timeout: 8,
    action: urls.choice(state, slot, recording.sid),
    method: 'POST',
    actionOnEmptyResult: true,
  });
  gather.say(VOICE, 'You recorded:');
  gather.play({}, recording.url);
  gather.say(VOICE, 'Press 1 to keep it, 2 to record again, 3 to skip this prompt.');
  return r.toString();
}

/** After the choice: what happened, then on to the next prompt. */
export function afterChoiceTwiml(urls: TRecordingLineUrls, next: TLineState, said: string): string {
  const r = new VoiceResponse();
  r.say(VOICE, said);
  r.redirect({ method: 'POST' }, urls.next(next));
  return r.toString();
}
