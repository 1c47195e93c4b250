import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp, type TLogCapture } from '../../support/test-app';
import { createHotline, newCallSid, postSigned } from '../../fixtures/telephony.fixture';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';

let stores: TTestStores;
let app: FastifyInstance;
let logs: TLogCapture;

beforeAll(async () => {
  stores = await createTestStores();
  await createHotline(stores.database.db);
  ({ app, logs } = await buildTestApp(stores));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

const post = (path: string, params: Record<string, string>, signature?: string | null) =>
  postSigned(app, {
    path,
    params,
    token: stores.config.TWILIO_AUTH_TOKEN,
    baseUrl: stores.config.PUBLIC_BASE_URL,
    ...(signature === undefined ? {} : { signature }),
  });

describe('incoming call webhook', () => {
  it('records the call once, keeps the number out of clear text and offers the language menu', async () => {
    const callSid = newCallSid();
    const params = {
      CallSid: callSid,
      From: '+8562055512345',
      To: '+85621136200',
      CallStatus: 'ringing',
    };
    const first = await post('/webhooks/twilio/voice/incoming?hotline=1362', params);
    const again = await post('/webhooks/twilio/voice/incoming?hotline=1362', params);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/xml');
    expect(first.body).toContain('<Gather');
    // Nothing recorded yet: the welcome is the placeholder, said as one (Twilio has no Lao voice).
    expect(first.body).toContain('<Say language="en-US">Placeholder prompt: welcome.</Say>');
    expect(first.body).not.toContain('/prompts/1362/lo/welcome.wav');
    expect(again.statusCode).toBe(200);
    const calls = callsRepository(stores.database.db);
    const row = await calls.findCall(callSid);
    expect(row?.fromHash).toBeTruthy();
    expect(row?.fromEncrypted).not.toContain('2055512345');
    const events = await calls.eventsOf(callSid);
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain('2055512345');
    expect(logs.text()).not.toContain('2055512345');
  });

  it('answers 400 without a signature and 403 with a wrong one', async () => {
    const params = { CallSid: newCallSid(), From: '+8562055512345' };
    const missing = await post('/webhooks/twilio/voice/incoming?hotline=1362', params, null);
    const wrong = await post('/webhooks/twilio/voice/incoming?hotline=1362', params, 'AAAA');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('TWILIO_SIGNATURE_MISSING');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('TWILIO_SIGNATURE_INVALID');
  });
});

describe("Twilio's fallback URL", () => {
  it('rings the duty mobile from memory and marks the call for reconciliation', async () => {
    const callSid = newCallSid();
    const response = await post('/webhooks/twilio/voice/fallback?hotline=1362', {
      CallSid: callSid,
      From: '+8562055512345',
      To: '+85621136200',
      ErrorCode: '11200',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<Number>+8562055501362</Number>');
    const calls = callsRepository(stores.database.db);
    const row = await (async () => {
      for (let i = 0; i < 100; i++) {
        const r = await calls.findCall(callSid);
        if (r) return r;
        await new Promise((done) => setTimeout(done, 100));
      }
      return null;
    })();
    expect(row?.needsReconciliation).toBe(true);
    expect(row?.route).toBe('forwarded-fallback');
  });
});

type TLine = {
  reqId?: string;
  msg?: string;
  req?: Record<string, unknown>;
  res?: { statusCode?: number };
  responseTime?: number;
};
const parsed = () => logs.lines.map((l) => JSON.parse(l) as TLine);

describe('access log', () => {
  it('writes one line per request, as it is answered: method, path, status and time, no query or caller', async () => {
    const before = logs.lines.length;
    const res = await post('/webhooks/twilio/voice/incoming?hotline=1362', {
      CallSid: newCallSid(),
      From: '+8562055561234',
      To: '+85621136200',
      CallStatus: 'ringing',
    });
    expect(res.statusCode).toBe(200);
    const missing = await app.inject({ method: 'GET', url: '/api/staff/callbacks?q=Noy' });
    expect(missing.statusCode).toBe(401);

    const lines = parsed().slice(before);
    const access = lines.filter((l) => l.msg === 'request completed');
    expect(access.map((l) => [l.req, l.res?.statusCode])).toEqual([
      [{ id: expect.any(String), method: 'POST', path: '/webhooks/twilio/voice/incoming' }, 200],
      [{ id: expect.any(String), method: 'GET', path: '/api/staff/callbacks' }, 401],
    ]);
    for (const l of access) {
      expect(l.responseTime).toBeGreaterThan(0);
      // Still tagged with its request's id, like every other line of that request.
      expect(l.reqId).toBe(l.req?.id);
    }
    expect(lines.some((l) => l.msg === 'incoming request')).toBe(false);
    expect(logs.lines.slice(before).join('')).not.toMatch(/55561234|Noy/);
  });
});
