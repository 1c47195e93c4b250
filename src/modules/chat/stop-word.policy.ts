import type { TChatStopWordResult } from '../../contracts/chat';

/**
 * Words that, sent alone, end the chat. Lao first (ຢຸດ "stop", ເຊົາ "quit", ພໍແລ້ວ "enough"),
 * then the English opt-out words carriers and Twilio honour. Only a message that is nothing but
 * the word counts: "I can't stop crying" must not end a chat with someone in distress.
 */
const STOP_WORDS: ReadonlyArray<{ word: string; language: 'lo' | 'en' }> = [
  { word: 'ຢຸດ', language: 'lo' },
  { word: 'ຢຸດເຊົາ', language: 'lo' },
  { word: 'ເຊົາ', language: 'lo' },
  { word: 'ພໍແລ້ວ', language: 'lo' },
  { word: 'stop', language: 'en' },
  { word: 'stopall', language: 'en' },
  { word: 'unsubscribe', language: 'en' },
  { word: 'cancel', language: 'en' },
  { word: 'end', language: 'en' },
  { word: 'quit', language: 'en' },
];

/** Lowercased, without spaces, punctuation, emoji or zero-width characters around the letters. */
function bare(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\u200b-\u200d\ufeff]/gu, '');
}

export function detectStopWord(text: string): TChatStopWordResult {
  const word = bare(text);
  if (!word || word.length > 16) return { stop: false };
  const found = STOP_WORDS.find((w) => w.word === word);
  return found ? { stop: true, word: found.word, language: found.language } : { stop: false };
}
