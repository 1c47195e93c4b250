/** Languages a hotline can offer, in the order the menu lists them (menu digit = index + 1). */
export const HOTLINE_LANGUAGES = ['lo', 'hmn', 'kjg', 'en', 'th', 'vi', 'zh'] as const;
export type THotlineLanguage = (typeof HOTLINE_LANGUAGES)[number];

/** Every recorded prompt the IVR plays. `lang-<code>` says "for <language>, press <n>". */
export const PROMPTS = [
  'welcome',
  // Said in the hotline's main language right after the welcome: "for another language, press 9".
  'other-language',
  'recording-notice',
  'language-menu',
  ...HOTLINE_LANGUAGES.map((l) => `lang-${l}` as const),
  ...Array.from({ length: 10 }, (_, d) => `digit-${d}` as const),
  ...Array.from({ length: 10 }, (_, d) => `press-${d}` as const),
  'position',
  'estimated-wait',
  'minutes',
  'callback-offer',
  'callback-confirmed',
  // The call-back dialog after "press 1" (callback-ivr.twiml.policy), in the caller's language:
  // "if we may call any time press 1, only until an hour press 2, only from an hour press 3",
  'callback-when',
  // "key the hour, 0 to 23, then hash",
  'callback-hour',
  // "to be called back on the number you are calling from, ending in …, press 1; another, 2",
  'callback-number',
  // "key the number to call, then hash", "sorry, that was not understood",
  'callback-key-number',
  'callback-not-understood',
  // The summary, heard once before hanging up: "we will call you back when your place in line
  // is reached, on the number ending in …", "only until … o'clock", "not before … o'clock".
  'callback-summary',
  'callback-only-until',
  'callback-only-from',
  'o-clock',
  'hold-music',
  'after-hours-voicemail',
  'after-hours-forward',
  'voicemail-thanks',
  'blocked',
  'please-hold',
  'goodbye',
  // "Did you get the help you needed? Press 1 for yes, 2 for no": only where the hotline asks it.
  'after-call-question',
  // Heard by a counsellor answering on their mobile, never by the caller: "hotline call, press 1".
  'whisper',
] as const;
export type TPromptKey = (typeof PROMPTS)[number];

export function isPromptKey(value: string): value is TPromptKey {
  return (PROMPTS as readonly string[]).includes(value);
}

export function isHotlineLanguage(value: string): value is THotlineLanguage {
  return (HOTLINE_LANGUAGES as readonly string[]).includes(value);
}

/** Spoken digits of a number, e.g. 12 → ['digit-1', 'digit-2'] (recorded digits, no TTS). */
export function digitPrompts(n: number): TPromptKey[] {
  return String(Math.max(0, Math.floor(n)))
    .split('')
    .map((d) => `digit-${d}` as TPromptKey);
}
