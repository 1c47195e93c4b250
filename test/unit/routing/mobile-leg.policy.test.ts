import { describe, expect, it } from 'vitest';
import {
  decideOnKey,
  decideOnStatus,
  mobileRingSeconds,
} from '../../../src/modules/voice/conference/mobile-leg.policy';
import {
  hangupTwiml,
  joinConferenceTwiml,
  whisperTwiml,
} from '../../../src/modules/voice/conference/mobile-leg.twiml';
import { nextAnswerSetting } from '../../../src/modules/staff/answer-on.policy';
import { telephonyError } from '../../../src/modules/telephony/telephony-error';

describe("the counsellor's key after the whisper", () => {
  it('joins the call only on 1', () => {
    expect(decideOnKey('1')).toBe('joined');
    expect(decideOnKey(' 1 ')).toBe('joined');
  });

  it('sends the caller back in line on any other key, on no key (time-out) and on voicemail', () => {
    for (const digits of ['2', '0', '*', '#', '11', '', undefined])
      expect(decideOnKey(digits), String(digits)).toBe('missed');
  });
});

describe("the mobile leg's status", () => {
  it('sends the caller back in line when the mobile never answered', () => {
    for (const status of ['no-answer', 'busy', 'failed', 'canceled'])
      expect(decideOnStatus(status, false), status).toBe('back-to-queue');
  });

  it('sends the caller back when the mobile hung up before pressing 1', () => {
    expect(decideOnStatus('completed', false)).toBe('back-to-queue');
  });

  it('ends the call for the counsellor when the leg that pressed 1 hangs up', () => {
    expect(decideOnStatus('completed', true)).toBe('finished');
  });

  it('waits while the mobile is being rung or the whisper plays', () => {
    for (const status of ['initiated', 'queued', 'ringing', 'in-progress', 'answered'])
      expect(decideOnStatus(status, false), status).toBe('none');
  });

  it('rings as long as a console offer, within 10 to 60 seconds', () => {
    expect(mobileRingSeconds(20_000)).toBe(20);
    expect(mobileRingSeconds(1_500)).toBe(10);
    expect(mobileRingSeconds(600_000)).toBe(60);
  });
});

describe('mobile leg TwiML', () => {
  it('plays the whisper inside a one-key gather that always reports back, then never joins by itself', () => {
    const xml = whisperTwiml({
      promptUrl: 'https://h.test/webhooks/twilio/prompts/1362/lo/whisper.wav',
      keyUrl: 'https://h.test/webhooks/twilio/mobile-leg/key?callSid=CA1&userId=u',
    });
    expect(xml).toMatch(
      /<Gather numDigits="1" timeout="\d+" action="[^"]+key\?callSid=CA1&amp;userId=u" method="POST" actionOnEmptyResult="true"><Play>[^<]+whisper\.wav<\/Play><\/Gather><Hangup\/>/,
    );
    expect(xml).not.toContain('Conference');
  });

  it('joins the call conference without ending it for the caller', () => {
    const xml = joinConferenceTwiml('call-CA1');
    expect(xml).toContain('endConferenceOnExit="false"');
    expect(xml).toContain('>call-CA1</Conference>');
    expect(hangupTwiml()).toContain('<Hangup/>');
  });
});

describe('answer-on setting', () => {
  const browser = { answerOn: 'browser' as const, mobile: null };

  it('needs a mobile number to answer on the mobile', () => {
    expect(nextAnswerSetting(browser, { answerOn: 'mobile' })).toEqual({
      ok: false,
      reason: 'mobile-required',
    });
    expect(nextAnswerSetting(browser, { answerOn: 'mobile', mobile: '+8562055512345' })).toEqual({
      ok: true,
      value: { answerOn: 'mobile', mobile: '+8562055512345' },
    });
  });

  it('keeps what a change leaves out, and refuses removing the number while answering on it', () => {
    const mobile = { answerOn: 'mobile' as const, mobile: '+8562055512345' };
    expect(nextAnswerSetting(mobile, { answerOn: 'browser' })).toEqual({
      ok: true,
      value: { answerOn: 'browser', mobile: '+8562055512345' },
    });
    expect(nextAnswerSetting(mobile, { mobile: null }).ok).toBe(false);
  });
});

describe('a refused call to a mobile, in the logs', () => {
  it('keeps the reason but not the number Twilio names in its message', () => {
    const err = new Error("The 'To' number +856 20 5557 7123 is not a valid phone number.");
    const logged = JSON.stringify(telephonyError(err));
    expect(logged).toContain('is not a valid phone number');
    expect(logged).not.toMatch(/5557|7123/);
  });
});
