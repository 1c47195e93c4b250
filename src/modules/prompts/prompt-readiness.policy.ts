import type { TPromptKey } from './prompt-catalogue.policy';

/** What decides which prompts a hotline's callers can hear. */
export type TPromptNeeds = {
  languages: readonly string[];
  defaultLanguage: string;
  recordingNotice: boolean;
  afterCallQuestion: boolean;
};

export type TPromptSlot = { language: string; prompt: TPromptKey };

const DIGITS = Array.from({ length: 10 }, (_, d) => `digit-${d}` as const);

/** Heard once per call before a language is known, or by the counsellor: main language only. */
const MAIN_LANGUAGE_ONLY: readonly TPromptKey[] = [
  'welcome',
  'blocked',
  'after-hours-voicemail',
  'after-hours-forward',
  'voicemail-thanks',
  'whisper',
];

/** Heard in the caller's own language once they are in the queue. */
const EVERY_LANGUAGE: readonly TPromptKey[] = [
  'position',
  ...DIGITS,
  'estimated-wait',
  'minutes',
  'callback-offer',
  'callback-confirmed',
  'callback-when',
  'callback-hour',
  'callback-number',
  'callback-key-number',
  'callback-not-understood',
  'callback-summary',
  'callback-only-until',
  'callback-only-from',
  'o-clock',
  'hold-music',
  'please-hold',
  'goodbye',
];

/**
 * Every prompt a caller of this hotline can hear, in each language they can hear it in: what a
 * hotline must have recorded before it goes live. Follows the hotline's settings (languages,
 * recording notice, after-call question), so switching a feature on lists its prompts.
 */
export function requiredPrompts(h: TPromptNeeds): TPromptSlot[] {
  const slots: TPromptSlot[] = MAIN_LANGUAGE_ONLY.map((prompt) => ({
    language: h.defaultLanguage,
    prompt,
  }));
  const several = h.languages.length > 1;
  if (several) slots.push({ language: h.defaultLanguage, prompt: 'other-language' });
  for (const language of h.languages) {
    // "For Hmong, press 2" is recorded in Hmong.
    if (several) slots.push({ language, prompt: `lang-${language}` as TPromptKey });
    if (h.recordingNotice) slots.push({ language, prompt: 'recording-notice' });
    for (const prompt of EVERY_LANGUAGE) slots.push({ language, prompt });
    if (h.afterCallQuestion) slots.push({ language, prompt: 'after-call-question' });
  }
  return slots;
}

/** The required prompts without a recording: callers hear the placeholder for these. */
export function missingPrompts(
  required: readonly TPromptSlot[],
  uploaded: ReadonlyArray<{ language: string; prompt: string }>,
): TPromptSlot[] {
  const have = new Set(uploaded.map((u) => `${u.language}/${u.prompt}`));
  return required.filter((r) => !have.has(`${r.language}/${r.prompt}`));
}
