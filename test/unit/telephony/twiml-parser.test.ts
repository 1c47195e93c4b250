import { describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { parseTwiml } from '../../../src/simulator/twiml-parser';

describe("the simulator's TwiML parser", () => {
  it("reads what twilio's TwiML builder writes, entities included", () => {
    const r = new twilio.twiml.VoiceResponse();
    r.play({ loop: 2 }, 'https://x.example/a.wav?x=1&y=2');
    r.gather({ numDigits: 1, action: '/next?a=1&b=2' }).say('Tom & "Jerry"');
    r.dial().client('alice');
    const doc = parseTwiml(r.toString());
    expect(doc.children.map((c) => c.name)).toEqual(['Play', 'Gather', 'Dial']);
    expect(doc.children[0]?.text).toBe('https://x.example/a.wav?x=1&y=2');
    expect(doc.children[1]?.attrs.action).toBe('/next?a=1&b=2');
    expect(doc.children[1]?.children[0]?.text).toBe('Tom & "Jerry"');
    expect(doc.children[2]?.children[0]).toMatchObject({ name: 'Client', text: 'alice' });
  });

  it('rejects malformed documents', () => {
    expect(() => parseTwiml('<Response><Play></Response>')).toThrow();
    expect(() => parseTwiml('<Foo/>')).toThrow();
  });
});
