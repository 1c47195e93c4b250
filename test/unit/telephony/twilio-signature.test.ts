import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import twilio from 'twilio';
import {
  checkTwilioSignature,
  signedUrl,
} from '../../../src/modules/telephony/twilio-signature.policy';

// Twilio's published known-answer vector.
const KNOWN = {
  authToken: '12345',
  url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
  params: {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+14158675309',
    Digits: '1234',
    From: '+14158675309',
    To: '+18005551212',
  },
  signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
};

describe('Twilio request signature', () => {
  it("accepts Twilio's known-answer vector", () => {
    expect(checkTwilioSignature(KNOWN)).toBe('valid');
  });

  it('reports a missing signature apart from a wrong one', () => {
    expect(checkTwilioSignature({ ...KNOWN, signature: undefined })).toBe('missing');
    expect(checkTwilioSignature({ ...KNOWN, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B9=' })).toBe(
      'invalid',
    );
  });

  it('signs our public base URL plus path and query, whatever Host the request claims', () => {
    expect(
      signedUrl('https://hotline.example.la/', '/webhooks/twilio/voice/incoming?hotline=1362'),
    ).toBe('https://hotline.example.la/webhooks/twilio/voice/incoming?hotline=1362');
  });

  const params = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => /^[A-Za-z]+$/.test(k)),
    fc.string({ maxLength: 20 }),
    { minKeys: 1, maxKeys: 6 },
  );
  const signed = fc.record({
    token: fc.string({ minLength: 8, maxLength: 32 }),
    path: fc.webPath(),
    params,
  });

  it('any changed parameter value, added parameter, URL or token is rejected', () => {
    fc.assert(
      fc.property(signed, fc.nat(), fc.string({ minLength: 1, maxLength: 8 }), (s, pick, extra) => {
        const url = `https://hotline.example.la${s.path || '/'}`;
        const signature = twilio.getExpectedTwilioSignature(s.token, url, s.params);
        const check = (
          over: Partial<{ token: string; url: string; params: Record<string, string> }>,
        ) =>
          checkTwilioSignature({
            authToken: over.token ?? s.token,
            signature,
            url: over.url ?? url,
            params: over.params ?? s.params,
          });
        expect(check({})).toBe('valid');
        const keys = Object.keys(s.params);
        const key = keys[pick % keys.length] as string;
        expect(check({ params: { ...s.params, [key]: `${s.params[key]}${extra}` } })).toBe(
          'invalid',
        );
        expect(check({ params: { ...s.params, [`${key}9`]: extra } })).toBe('invalid');
        expect(check({ url: `${url}x` })).toBe('invalid');
        expect(check({ url: url.replace('hotline.example.la', 'evil.example.la') })).toBe(
          'invalid',
        );
        expect(check({ token: `${s.token}${extra}` })).toBe('invalid');
      }),
      { numRuns: 300 },
    );
  });
});
