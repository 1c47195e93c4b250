import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline, newCallSid, postSigned } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp, type TLogCapture } from '../../support/test-app';
import { dumpRedis } from './support/redis-dump';

// Personal data planted through every entry point; none of it may surface anywhere but the
// encrypted columns and the answers to the staff who asked for it.
const canary = {
  phone: '+8562099990001',
  phoneDigits: '2099990001',
  name: 'Canaryname Vongsa',
  summary: 'canary-summary-7731',
  codeWord: 'canary-codeword-55',
  window: 'canary-window-after-9',
  note: 'canary-note-4410',
};
const planted = Object.values(canary);
const found = (text: string) => planted.filter((c) => text.includes(c));

let stores: TTestStores;
let app: FastifyInstance;
let logs: TLogCapture;
let cookie: string;
const errorBodies: string[] = [];

beforeAll(async () => {
  stores = await createTestStores({ RATE_LIMIT_MAX: '100000', LOGIN_RATE_LIMIT_MAX: '100' });
  await createHotline(stores.database.db);
  ({ app, logs } = await buildTestApp(stores));
  cookie = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('PII canary', () => {
  it('plants personal data through a call, a case, a contact, a note and searches', async () => {
    const callSid = newCallSid();
    const base = { CallSid: callSid, From: canary.phone, Caller: canary.phone, To: '+85621136200' };
    const hook = (path: string, params: Record<string, string>) =>
      postSigned(app, {
        path,
        params: { ...base, ...params },
        token: stores.config.TWILIO_AUTH_TOKEN,
        baseUrl: stores.config.PUBLIC_BASE_URL,
      });
    expect((await hook('/webhooks/twilio/voice/incoming?hotline=1362', {})).statusCode).toBe(200);
    expect(
      (await hook('/webhooks/twilio/voice/language?hotline=1362', { Digits: '1' })).statusCode,
    ).toBe(200);
    await hook('/webhooks/twilio/voice/wait?hotline=1362&lang=lo', { QueuePosition: '1' });
    await hook('/webhooks/twilio/voice/status?hotline=1362', {
      CallStatus: 'completed',
      SequenceNumber: '3',
    });

    const kase = await api('POST', '/api/staff/cases', {
      hotline: '1362',
      summary: canary.summary,
    });
    expect(kase.statusCode).toBe(201);
    const caseId = kase.json().id as string;
    const contact = await api('POST', '/api/staff/contacts', {
      hotline: '1362',
      caseId,
      channel: 'call',
      language: 'lo',
      callerType: 'self',
      contactType: 'crisis',
      callerPhone: canary.phone,
      callerName: canary.name,
      summary: canary.summary,
      codeWord: canary.codeWord,
      safeCallbackWindow: canary.window,
    });
    expect(contact.statusCode).toBe(201);
    expect(
      (await api('POST', `/api/staff/cases/${caseId}/notes`, { body: canary.note })).statusCode,
    ).toBe(201);
    expect(
      (await api('POST', '/api/staff/callers/lookup', { phone: canary.phone })).statusCode,
    ).toBe(200);
    expect((await api('POST', '/api/staff/search/cases', { phone: canary.phone })).statusCode).toBe(
      200,
    );
  });

  it('never echoes personal data in error bodies', async () => {
    const bad = [
      await api('POST', '/api/staff/contacts', {
        hotline: '1362',
        channel: 'carrier-pigeon',
        callerName: canary.name,
        callerPhone: `${canary.phone}x`,
        summary: canary.summary,
      }),
      await api('POST', '/api/staff/callers/lookup', { phone: `${canary.name} ${canary.phone}` }),
      await api('POST', '/api/staff/search/cases', { phone: canary.name }),
      await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: canary.name, password: canary.codeWord },
      }),
      await app.inject({
        method: 'GET',
        url: `/api/staff/cases/${encodeURIComponent(canary.name)}`,
        headers: { cookie },
      }),
    ];
    for (const res of bad) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      errorBodies.push(res.body);
    }
    expect(found(errorBodies.join('\n'))).toEqual([]);
  });

  it('leaves no trace in the log', () => {
    expect(logs.lines.length).toBeGreaterThan(10);
    expect(found(logs.text())).toEqual([]);
  });

  it('leaves no trace in Redis keys, values or job payloads', async () => {
    const dump = await dumpRedis(stores.redis, stores.config.REDIS_PREFIX);
    expect(dump.length).toBeGreaterThan(0);
    expect(found(dump)).toEqual([]);
  });
});
