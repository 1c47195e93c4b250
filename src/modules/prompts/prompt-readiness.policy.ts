import type { TPromptKey } from './prompt-catalogue.policy';

/** What decides which prompts a hotline's callers can hear. */
export type TPromptNeeds = {
  languages: readonly string[];
  defaultLanguage: string;
  recordingNotice: boolean;
  afterCallQuestion: boolean;
  /** After hours: voicemail, or the duty mobile (only when one is set). */
  afterHours: 'voicemail' | 'forward';
  dutyMobile: string | null;
};

export type TPromptSlot = { language: string; prompt: TPromptKey };

const DIGITS = Array.from({ length: 10 }, (_, d) => `digit-${d}` as const);

/**
 * Heard once per call before a language is known, or by the counsellor: main language only.
 * The voicemail prompts stay even where after hours forwards: a duty mobile that does not
 * answer sends the caller to voicemail.
 */
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
 * Whether callers choose a language: only a hotline with several. With one, the IVR plays no
 * welcome and no "press 9" and queues the caller in the main language at once (voice intake).
 */
export function offersLanguageChoice(h: Pick<TPromptNeeds, 'languages'>): boolean {
  return h.languages.length > 1;
}

/** Languages a caller can be queued in: the listed ones, and the main one (silence picks it). */
function queueLanguages(h: TPromptNeeds): string[] {
  if (!offersLanguageChoice(h)) return [h.defaultLanguage];
  return [...new Set([...h.languages, h.defaultLanguage])];
}

/**
 * Every prompt a caller of this hotline can hear, in each language they can hear it in, and
 * only those: what a hotline must have recorded before it goes live. Follows the hotline's
 * settings (languages, after hours, recording notice, after-call question) the way the IVR
 * does, so switching a feature on lists its prompts and a prompt never played is never asked for.
 */
export function requiredPrompts(h: TPromptNeeds): TPromptSlot[] {
  const several = offersLanguageChoice(h);
  const played: Partial<Record<TPromptKey, boolean>> = {
    welcome: several,
    'after-hours-forward': h.afterHours === 'forward' && Boolean(h.dutyMobile),
  };
  const slots: TPromptSlot[] = MAIN_LANGUAGE_ONLY.filter((p) => played[p] !== false).map(
    (prompt) => ({ language: h.defaultLanguage, prompt }),
  );
  if (several) slots.push({ language: h.defaultLanguage, prompt: 'other-language' });
  for (const language of queueLanguages(h)) {
    // "For Hmong, press 2" is recorded in Hmong; the menu lists only the hotline's languages.
    if (several && h.languages.includes(language))
      slots.push({ language, prompt: `lang-${language}` as TPromptKey });
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
