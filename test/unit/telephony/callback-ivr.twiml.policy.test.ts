import { describe, expect, it } from 'vitest';
import {
  askKeyNumberTwiml,
  askNumberTwiml,
  askWhenTwiml,
  callbackSummaryTwiml,
  nextAttempt,
} from '../../../src/modules/voice/callback-ivr.twiml.policy';
import type { TIvrContext } from '../../../src/modules/voice/ivr-twiml.policy';
import { ivrUrls } from '../../../src/modules/voice/voice.context';
import { parseTwiml } from '../../../src/simulator/twiml-parser';

const ctx: TIvrContext = {
  hotline: {
    number: '1362',
    phoneNumber: '+85621136200',
    languages: ['lo', 'hmn'],
    defaultLanguage: 'lo',
    openingHours: { weekly: {}, holidays: [] },
    afterHours: 'voicemail',
    dutyMobile: null,
    recordingNotice: false,
    afterCallQuestion: false,
    active: true,
  },
  urls: ivrUrls('https://hotline.example.la'),
  queueName: 'hotline-1362',
};

const names = (xml: string) =>
  parseTwiml(xml)
    .children.flatMap((c) => (c.name === 'Gather' ? c.children : [c]))
    .map((c) => (c.name === 'Play' ? (c.text.split('/').at(-1) ?? '') : c.name));

describe('the call-back dialog', () => {
  it("asks for the safe time in the caller's language, one key, and says so again after a wrong key", () => {
    const first = parseTwiml(askWhenTwiml(ctx, { language: 'hmn', attempt: 0 }));
    const gather = first.children[0];
    expect(gather?.attrs).toMatchObject({ numDigits: '1', actionOnEmptyResult: 'true' });
    expect(gather?.attrs.action).toContain('/voice/callback-step?hotline=1362&lang=hmn&step=when');
    expect(names(askWhenTwiml(ctx, { language: 'hmn', attempt: 1 }, true))).toEqual([
      'callback-not-understood.wav',
      'callback-when.wav',
    ]);
    // Asked twice at most: then the caller simply keeps waiting.
    expect(nextAttempt({ language: 'lo', attempt: 0 })).toEqual({ language: 'lo', attempt: 1 });
    expect(nextAttempt({ language: 'lo', attempt: 1 })).toBeNull();
  });

  it('reads back only the last four digits of the number, and carries the safe time, not the number', () => {
    const xml = askNumberTwiml(
      ctx,
      { language: 'lo', attempt: 0, kind: 'until', hour: 17 },
      '+8562055501234',
    );
    expect(names(xml)).toEqual([
      'callback-number.wav',
      'digit-1.wav',
      'digit-2.wav',
      'digit-3.wav',
      'digit-4.wav',
    ]);
    expect(xml).toContain('kind=until&amp;hour=17');
    expect(xml).not.toContain('2055501234');
    const key = parseTwiml(askKeyNumberTwiml(ctx, { language: 'lo', attempt: 0, kind: 'any' }));
    expect(key.children[0]?.attrs).toMatchObject({ finishOnKey: '#' });
  });

  it('says once what will happen, then leaves the queue', () => {
    const xml = callbackSummaryTwiml(ctx, 'lo', {
      number: '+8562055501234',
      window: { kind: 'until', hour: 17 },
      resolved: { safeFrom: null, safeUntil: 0 },
    });
    expect(names(xml)).toEqual([
      'callback-summary.wav',
      'digit-1.wav',
      'digit-2.wav',
      'digit-3.wav',
      'digit-4.wav',
      'callback-only-until.wav',
      'digit-1.wav',
      'digit-7.wav',
      'o-clock.wav',
      'callback-confirmed.wav',
      'Leave',
    ]);
  });
});
