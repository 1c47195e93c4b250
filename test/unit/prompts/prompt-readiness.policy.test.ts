import { describe, expect, it } from 'vitest';
import {
  missingPrompts,
  requiredPrompts,
} from '../../../src/modules/prompts/prompt-readiness.policy';

const lao = {
  languages: ['lo'],
  defaultLanguage: 'lo',
  recordingNotice: false,
  afterCallQuestion: false,
};

describe('prompts a hotline needs before going live', () => {
  it('asks a one-language hotline for no language menu', () => {
    const prompts = requiredPrompts(lao).map((s) => s.prompt);
    expect(prompts).toContain('welcome');
    expect(prompts).toContain('digit-7');
    expect(prompts).not.toContain('other-language');
    expect(prompts).not.toContain('lang-lo');
    expect(prompts).not.toContain('after-call-question');
  });

  it('records each language line in its own language and follows the settings', () => {
    const slots = requiredPrompts({
      languages: ['lo', 'hmn'],
      defaultLanguage: 'lo',
      recordingNotice: true,
      afterCallQuestion: true,
    });
    expect(slots).toContainEqual({ language: 'hmn', prompt: 'lang-hmn' });
    expect(slots).not.toContainEqual({ language: 'lo', prompt: 'lang-hmn' });
    expect(slots).toContainEqual({ language: 'lo', prompt: 'other-language' });
    expect(slots).toContainEqual({ language: 'hmn', prompt: 'recording-notice' });
    expect(slots).toContainEqual({ language: 'hmn', prompt: 'after-call-question' });
    // The welcome is heard before a language is chosen: main language only.
    expect(slots.filter((s) => s.prompt === 'welcome')).toEqual([
      { language: 'lo', prompt: 'welcome' },
    ]);
  });

  it('lists what has no recording yet', () => {
    const required = requiredPrompts(lao);
    const missing = missingPrompts(required, [{ language: 'lo', prompt: 'welcome' }]);
    expect(missing).toHaveLength(required.length - 1);
    expect(missing.map((m) => m.prompt)).not.toContain('welcome');
  });
});
