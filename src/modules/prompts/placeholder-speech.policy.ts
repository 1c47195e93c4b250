import type { TPromptKey } from './prompt-catalogue.policy';

/**
 * What a caller hears for a prompt nobody has recorded yet: Twilio's `<Say>` saying plainly that
 * it is a placeholder (a demo hotline must not sound finished), in the prompt's language where
 * Twilio has a voice for it, else English (Twilio has no Lao, Hmong or Khmu voice). A digit is
 * only the digit, so "position 3" stays short.
 */
const VOICES: Record<string, { language: string; placeholder: string }> = {
  en: { language: 'en-US', placeholder: 'Placeholder prompt' },
  th: { language: 'th-TH', placeholder: 'ข้อความชั่วคราว' },
  vi: { language: 'vi-VN', placeholder: 'Lời nhắc tạm thời' },
  zh: { language: 'cmn-CN', placeholder: '临时提示' },
};
const ENGLISH = { language: 'en-US', placeholder: 'Placeholder prompt' };

export type TPlaceholderSpeech = { language: string; text: string };

export function placeholderSpeech(prompt: TPromptKey, language: string): TPlaceholderSpeech {
  const voice = VOICES[language] ?? ENGLISH;
  const digit = /^digit-(\d)$/.exec(prompt);
  if (digit) return { language: voice.language, text: digit[1] as string };
  return { language: voice.language, text: `${voice.placeholder}: ${prompt.replace(/-/g, ' ')}.` };
}

/** The key a hotline's recorded prompts are known by (hotline settings' `recordedPrompts`). */
export const recordedKey = (language: string, prompt: string) => `${language}/${prompt}`;
