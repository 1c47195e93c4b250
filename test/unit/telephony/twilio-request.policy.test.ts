import { describe, expect, it } from 'vitest';
import qs from 'qs';
import {
  twilioForm,
  twilioRequestBody,
  twilioRequestUrl,
} from '../../../src/modules/telephony/twilio-request.policy';

const SIM = 'http://127.0.0.1:4010/';

// With TWILIO_API_BASE_URL set (the simulator), every Twilio host the server talks to, voice and
// Conversations in any region, must land on it; without it, real Twilio over HTTPS.
describe('where a Twilio REST request goes', () => {
  it('to Twilio itself, over HTTPS, when no simulator is configured', () => {
    const uri = 'https://conversations.dublin.ie1.twilio.com/v1/Conversations/CH1/Messages';
    expect(twilioRequestUrl(uri, undefined, undefined)).toBe(uri);
  });

  it('to the simulator for api., conversations. and regional hosts alike', () => {
    for (const host of ['api', 'conversations', 'conversations.sydney.us1'])
      expect(twilioRequestUrl(`https://${host}.twilio.com/v1/X.json`, undefined, SIM)).toBe(
        'http://127.0.0.1:4010/v1/X.json',
      );
  });

  it('never redirects a host that only looks like Twilio', () => {
    const uri = 'https://api.twilio.com.example.org/v1/X.json';
    expect(twilioRequestUrl(uri, undefined, SIM)).toBe(uri);
  });

  it('adds list filters as a query, lists as repeated keys, after any query already there', () => {
    const params = { To: '+8562055555555', Status: ['queued', 'ringing'] };
    expect(twilioRequestUrl('https://api.twilio.com/2010-04-01/Calls.json', params, SIM)).toBe(
      'http://127.0.0.1:4010/2010-04-01/Calls.json?To=%2B8562055555555&Status=queued&Status=ringing',
    );
    expect(twilioRequestUrl('https://api.twilio.com/Calls.json?Page=2', { PageSize: 50 })).toBe(
      'https://api.twilio.com/Calls.json?Page=2&PageSize=50',
    );
  });
});

describe('the body of a Twilio REST request', () => {
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

  it('is a form with a repeated key per list item', () => {
    const data = {
      Url: 'https://hotline.test/a?b=c d',
      StatusCallbackEvent: ['initiated', 'answered'],
    };
    expect(twilioRequestBody({ method: 'post', uri: '', headers: form, data })).toBe(
      'Url=https%3A%2F%2Fhotline.test%2Fa%3Fb%3Dc%20d&StatusCallbackEvent=initiated&StatusCallbackEvent=answered',
    );
  });

  it('is JSON for a JSON request, and absent without data', () => {
    const json = { 'Content-Type': 'application/json' };
    expect(twilioRequestBody({ method: 'post', uri: '', headers: json, data: { a: [1] } })).toBe(
      '{"a":[1]}',
    );
    expect(twilioRequestBody({ method: 'get', uri: '', headers: form })).toBeUndefined();
  });
});

// The form is written without qs for speed; Twilio must receive the very bytes qs would write.
describe('the form encoding', () => {
  const tricky = [
    'plain',
    'ສະບາຍດີ ທຸກຄົນ',
    '+856 20 5555 5555',
    "a!b'c(d)e*f~g-h_i.j",
    'x&y=z?w#v/u%t',
    '😀 emoji',
    '',
    '<Response><Say>hi</Say></Response>',
  ];

  it('writes what qs writes for strings, numbers, booleans, dates, nulls and lists', () => {
    const data = {
      ...Object.fromEntries(tricky.map((v, i) => [`Key${i}`, v])),
      'Odd key (1)*': 'v',
      Number: 42,
      Decimal: 0.5,
      Yes: true,
      No: false,
      When: new Date('2026-12-05T10:00:00Z'),
      Nothing: null,
      Missing: undefined,
      StatusCallbackEvent: ['initiated', 'ringing', 'answered'],
      Mixed: ['a b', 7, false],
      Empty: [],
    };
    expect(twilioForm(data)).toBe(qs.stringify(data, { arrayFormat: 'repeat' }));
    for (const v of tricky)
      expect(twilioForm({ V: v })).toBe(qs.stringify({ V: v }, { arrayFormat: 'repeat' }));
  });

  it('leaves anything nested to qs', () => {
    const data = { To: '+1', Map: { a: '1', b: ['2', '3'] } };
    expect(twilioForm(data)).toBe(qs.stringify(data, { arrayFormat: 'repeat' }));
  });
});
