import { describe, expect, it } from 'vitest';
import { placeholderSpeech } from '../../../src/modules/prompts/placeholder-speech.policy';

describe('a placeholder prompt, said', () => {
  it('says it is a placeholder, in the prompt’s language where Twilio has a voice', () => {
    expect(placeholderSpeech('welcome', 'th')).toEqual({
      language: 'th-TH',
      text: 'ข้อความชั่วคราว: welcome.',
    });
    expect(placeholderSpeech('callback-offer', 'vi').language).toBe('vi-VN');
    expect(placeholderSpeech('callback-offer', 'zh').language).toBe('cmn-CN');
  });

  it('falls back to English for Lao, Hmong and Khmu (no Twilio voice)', () => {
    for (const language of ['lo', 'hmn', 'kjg'])
      expect(placeholderSpeech('estimated-wait', language)).toEqual({
        language: 'en-US',
        text: 'Placeholder prompt: estimated wait.',
      });
  });

  it('says a digit as the digit, so a position stays short', () => {
    expect(placeholderSpeech('digit-7', 'lo')).toEqual({ language: 'en-US', text: '7' });
  });
});
