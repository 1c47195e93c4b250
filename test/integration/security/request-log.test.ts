import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHotline, newCallSid, postSigned } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp, type TLogCapture } from '../../support/test-app';

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
    const res = await postSigned(app, {
      path: '/webhooks/twilio/voice/incoming?hotline=1362',
      params: {
        CallSid: newCallSid(),
        From: '+8562055561234',
        To: '+85621136200',
        CallStatus: 'ringing',
      },
      token: stores.config.TWILIO_AUTH_TOKEN,
      baseUrl: stores.config.PUBLIC_BASE_URL,
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
    for (const l of access) expect(l.responseTime).toBeGreaterThan(0);
    expect(lines.some((l) => l.msg === 'incoming request')).toBe(false);
    expect(logs.lines.slice(before).join('')).not.toMatch(/55561234|Noy/);
  });
});
