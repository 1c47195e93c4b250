import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  enqueueTwiml,
  estimatedWaitMinutes,
  languageMenuTwiml,
  SHORT_WAY_IN,
  waitTwiml,
  welcomeTwiml,
  type TIvrContext,
} from '../../../src/modules/voice/ivr-twiml.policy';
import { ivrUrls } from '../../../src/modules/voice/voice.context';
import { parseTwiml } from '../../../src/simulator/twiml-parser';
import { placeholderWav, wavSeconds } from '../../../src/modules/prompts/placeholder-audio.policy';

const ctx: TIvrContext = {
  hotline: {
    number: '1362',
    phoneNumber: '+85621136200',
    languages: ['lo', 'hmn', 'en'],
    defaultLanguage: 'lo',
    openingHours: { weekly: {}, holidays: [] },
    afterHours: 'voicemail',
    dutyMobile: null,
    recordingNotice: true,
    afterCallQuestion: false,
    active: true,
  },
  urls: ivrUrls('https://hotline.example.la'),
  queueName: 'hotline-1362',
};

describe('language menu', () => {
  it('lists each language in its own recording and repeats once on silence, then uses the default', () => {
    const menu = parseTwiml(languageMenuTwiml(ctx, 1));
    const gather = menu.children.find((c) => c.name === 'Gather');
    expect(gather?.children.map((c) => c.text)).toEqual([
      'https://hotline.example.la/webhooks/twilio/prompts/1362/lo/lang-lo.wav',
      'https://hotline.example.la/webhooks/twilio/prompts/1362/hmn/lang-hmn.wav',
      'https://hotline.example.la/webhooks/twilio/prompts/1362/en/lang-en.wav',
    ]);
    expect(chooseLanguage(ctx.hotline, '3', 1)).toEqual({ language: 'en' });
    expect(chooseLanguage(ctx.hotline, undefined, 1)).toEqual({ repeat: 2 });
    expect(chooseLanguage(ctx.hotline, '9', 1)).toEqual({ repeat: 2 });
    expect(chooseLanguage(ctx.hotline, undefined, 2)).toEqual({ language: 'lo' });
  });

  it("follows an administrator's change of the hotline's languages on the next call", () => {
    const before = languageMenuTwiml(ctx, 1);
    const changed = { ...ctx, hotline: { ...ctx.hotline, languages: ['lo', 'km'] } };
    const after = languageMenuTwiml(changed, 1);
    expect(after).toContain('/km/lang-km.wav');
    expect(after).not.toContain('/hmn/lang-hmn.wav');
    // The unchanged settings still answer as before.
    expect(languageMenuTwiml(ctx, 1)).toBe(before);
  });

  it('is reached only through 9: the full menu never repeats the welcome', () => {
    expect(languageMenuTwiml(ctx, 1)).not.toContain('welcome.wav');
    expect(chooseLanguage(ctx.hotline, '9', SHORT_WAY_IN)).toEqual({ repeat: 1 });
  });
});

describe('the short way in', () => {
  it('speaks the main language first, welcome then "press 9", both interruptible by a key', () => {
    const doc = parseTwiml(welcomeTwiml(ctx));
    const gather = doc.children[0];
    expect(gather?.name).toBe('Gather');
    expect(gather?.attrs.timeout).toBe('1');
    expect(gather?.attrs.action).toContain('/voice/language?hotline=1362&attempt=0');
    expect(gather?.children.map((c) => c.text)).toEqual([
      'https://hotline.example.la/webhooks/twilio/prompts/1362/lo/welcome.wav',
      'https://hotline.example.la/webhooks/twilio/prompts/1362/lo/other-language.wav',
    ]);
    // Silence falls through to the same answer: the caller is queued, not asked again.
    expect(doc.children[1]?.name).toBe('Redirect');
    expect(doc.children[1]?.text).toContain('attempt=0');
  });

  it('queues a silent caller in the main language, opens the menu on 9, takes a known digit', () => {
    expect(chooseLanguage(ctx.hotline, undefined, SHORT_WAY_IN)).toEqual({ language: 'lo' });
    expect(chooseLanguage(ctx.hotline, '', SHORT_WAY_IN)).toEqual({ language: 'lo' });
    expect(chooseLanguage(ctx.hotline, '9', SHORT_WAY_IN)).toEqual({ repeat: 1 });
    expect(chooseLanguage(ctx.hotline, '2', SHORT_WAY_IN)).toEqual({ language: 'hmn' });
    expect(chooseLanguage(ctx.hotline, '7', SHORT_WAY_IN)).toEqual({ language: 'lo' });
  });
});

describe('queue', () => {
  it('plays the recording notice when the hotline has one and enqueues with wait and action URLs', () => {
    const doc = parseTwiml(enqueueTwiml(ctx, 'en', { notice: true }));
    expect(doc.children[0]?.text).toContain('/en/recording-notice.wav');
    const enqueue = doc.children[1];
    expect(enqueue?.text).toBe('hotline-1362');
    expect(enqueue?.attrs.waitUrl).toBe(
      'https://hotline.example.la/webhooks/twilio/voice/wait?hotline=1362&lang=en',
    );
    expect(enqueue?.attrs.action).toContain('/voice/queue-result?hotline=1362&lang=en');
  });

  it('announces position 12 with recorded digits and offers a call back', () => {
    const plays = parseTwiml(waitTwiml(ctx, 'lo', 12)).children[0]?.children.map((c) =>
      c.text.split('/').pop(),
    );
    expect(plays?.slice(0, 4)).toEqual([
      'position.wav',
      'digit-1.wav',
      'digit-2.wav',
      'estimated-wait.wav',
    ]);
    expect(plays?.at(-1)).toBe('callback-offer.wav');
    expect(estimatedWaitMinutes(12)).toBe(24);
  });
});

describe('placeholder prompt audio', () => {
  it('is a valid WAV of the requested length', () => {
    const wav = placeholderWav('1362/welcome/lo', 0.5);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wavSeconds(wav)).toBeCloseTo(0.5, 3);
  });
});
