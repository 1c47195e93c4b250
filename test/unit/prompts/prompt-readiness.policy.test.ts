import { describe, expect, it } from 'vitest';
import {
  missingPrompts,
  requiredPrompts,
  type TPromptNeeds,
} from '../../../src/modules/prompts/prompt-readiness.policy';

const lao: TPromptNeeds = {
  languages: ['lo'],
  defaultLanguage: 'lo',
  recordingNotice: false,
  afterCallQuestion: false,
  afterHours: 'voicemail',
  dutyMobile: null,
};

describe('prompts a hotline needs before going live', () => {
  it('asks a one-language hotline for nothing of the way in it never plays', () => {
    const prompts = requiredPrompts(lao).map((s) => s.prompt);
    expect(prompts).toContain('digit-7');
    expect(prompts).toContain('callback-offer');
    // Its callers go straight to the queue: no welcome, no "press 9", no language menu.
    expect(prompts).not.toContain('welcome');
    expect(prompts).not.toContain('other-language');
    expect(prompts).not.toContain('language-menu');
    expect(prompts.filter((p) => p.startsWith('lang-'))).toEqual([]);
    expect(prompts).not.toContain('after-call-question');
    // After hours it takes voicemail: the forward prompt is never heard.
    expect(prompts).not.toContain('after-hours-forward');
    expect(prompts).toContain('after-hours-voicemail');
  });

  it('asks a one-language hotline for its prompts in the language its callers are queued in', () => {
    const slots = requiredPrompts({ ...lao, languages: ['hmn'] });
    expect(new Set(slots.map((s) => s.language))).toEqual(new Set(['lo']));
  });

  it('asks for the forward prompt only where after hours rings a duty mobile', () => {
    const prompts = (h: Partial<TPromptNeeds>) =>
      requiredPrompts({ ...lao, ...h }).map((s) => s.prompt);
    expect(prompts({ afterHours: 'forward' })).not.toContain('after-hours-forward');
    expect(prompts({ afterHours: 'forward', dutyMobile: '+8562055501362' })).toContain(
      'after-hours-forward',
    );
  });

  it('records each language line in its own language and follows the settings', () => {
    const slots = requiredPrompts({
      ...lao,
      languages: ['lo', 'hmn'],
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
    const missing = missingPrompts(required, [{ language: 'lo', prompt: 'goodbye' }]);
    expect(missing).toHaveLength(required.length - 1);
    expect(missing.map((m) => m.prompt)).not.toContain('goodbye');
  });
});
