import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createCaseWithPerson } from '../../fixtures/records';
import { createStaff, loginAs, signInResponse } from '../../fixtures/staff';
import { createHotline, newCallSid, postSigned } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

let stores: TTestStores;
let app: FastifyInstance;
let cookie: string;
let nextAddress = 1;
// Each test speaks from its own client address so the per-client limits do not interfere.
const address = () => `10.9.0.${nextAddress++}`;

beforeAll(async () => {
  stores = await createTestStores({ RATE_LIMIT_MAX: '8', LOGIN_RATE_LIMIT_MAX: '3' });
  await createHotline(stores.database.db);
  ({ app } = await buildTestApp(stores));
  cookie = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

function expectSecurityHeaders(res: LightMyRequestResponse) {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toContain('unsafe-eval');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers['x-frame-options']).toBeDefined();
  expect(res.headers['x-powered-by']).toBeUndefined();
}

describe('security headers and CSP', () => {
  it('are on API answers, errors, and Twilio webhooks alike', async () => {
    const remoteAddress = address();
    const me = await app.inject({ url: '/auth/me', headers: { cookie }, remoteAddress });
    const missing = await app.inject({ url: '/api/staff/cases/nope', remoteAddress });
    const twiml = await postSigned(app, {
      path: '/webhooks/twilio/voice/incoming?hotline=1362',
      params: { CallSid: newCallSid(), From: '+8562055500000' },
      token: stores.config.TWILIO_AUTH_TOKEN,
      baseUrl: stores.config.PUBLIC_BASE_URL,
    });
    const unknown = await app.inject({ url: '/api/no-such-thing', remoteAddress });
    const malformed = await app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
      remoteAddress,
    });
    expect(me.statusCode).toBe(200);
    expect(missing.statusCode).toBe(401);
    expect(twiml.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(400);
    for (const res of [me, missing, twiml, unknown, malformed]) expectSecurityHeaders(res);
  });

  it('sets the session cookie HttpOnly, SameSite=Strict and Secure by default', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const secureStores = { ...stores, config: { ...stores.config, COOKIE_SECURE: true } };
    const secure = await buildTestApp(secureStores);
    const res = await signInResponse(secure.app, user, { remoteAddress: address() });
    expect(res.json()).toMatchObject({ status: 'signed_in' });
    await secure.app.close();
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Secure/);
  });
});

describe('caching of personal data', () => {
  it('marks every staff, partner and session answer no-store, errors included', async () => {
    const remoteAddress = address();
    const { caseId } = await createCaseWithPerson(app, cookie);
    const answers = [
      await app.inject({ url: '/auth/me', headers: { cookie }, remoteAddress }),
      await app.inject({ url: `/api/staff/cases/${caseId}`, headers: { cookie }, remoteAddress }),
      await app.inject({ url: '/api/staff/cases/nope', remoteAddress }),
      await app.inject({
        method: 'POST',
        url: '/api/partner/magic-link',
        payload: { token: 'not-a-real-token' },
        remoteAddress,
      }),
      await app.inject({ url: '/api/partner/tickets', remoteAddress }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 401, 400, 401]);
    for (const res of answers) expect(res.headers['cache-control']).toBe('no-store');
  });

  it('leaves answers without personal data cacheable as their routes decide', async () => {
    const health = await app.inject({ url: '/healthz', remoteAddress: address() });
    expect(health.statusCode).toBe(200);
    expect(health.headers['cache-control']).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('stops password guessing on one account after LOGIN_RATE_LIMIT_MAX tries a minute', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const remoteAddress = address();
    const tries = [];
    for (let i = 0; i < 5; i++)
      tries.push(
        await app.inject({
          method: 'POST',
          url: '/auth/login',
          payload: { username: user.username, password: `guess-${i}` },
          remoteAddress,
        }),
      );
    expect(tries.map((r) => r.statusCode)).toEqual([401, 401, 401, 429, 429]);
    expect(tries[4]?.json().error.code).toBe('RATE_LIMITED');
    const right = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: user.username, password: user.password },
      remoteAddress,
    });
    expect(right.statusCode).toBe(429);
  });

  it('limits public routes per client', async () => {
    const remoteAddress = address();
    const codes: number[] = [];
    for (let i = 0; i < 10; i++)
      codes.push((await app.inject({ url: '/auth/me', remoteAddress })).statusCode);
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    expect(codes.slice(8)).toEqual([429, 429]);
    const link = [];
    for (let i = 0; i < 12; i++)
      link.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/partner/magic-link',
            payload: { token: `not-a-real-token-${i}` },
            remoteAddress: address(),
          })
        ).statusCode,
      );
    expect(link).not.toContain(500);
  });

  it('gives each signed-in person their own budget, even when a whole office shares one address', async () => {
    // A hotline floor sits behind one NAT: a supervisor reloading a screen must not slow every desk.
    const office = address();
    const first = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
    const other = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
    const busy: number[] = [];
    for (let i = 0; i < 10; i++)
      busy.push(
        (
          await app.inject({
            url: '/api/staff/me/answer-on',
            headers: { cookie: first },
            remoteAddress: office,
          })
        ).statusCode,
      );
    expect(busy.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(busy.slice(8)).toEqual([429, 429]);
    const neighbour = await app.inject({
      url: '/api/staff/me/answer-on',
      headers: { cookie: other },
      remoteAddress: office,
    });
    expect(neighbour.statusCode).toBe(200);
  });

  it('never limits signed Twilio webhooks: a surge of callers is not an attack', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await postSigned(app, {
        path: '/webhooks/twilio/voice/incoming?hotline=1362',
        params: { CallSid: newCallSid(), From: `+85620555${String(i).padStart(5, '0')}` },
        token: stores.config.TWILIO_AUTH_TOKEN,
        baseUrl: stores.config.PUBLIC_BASE_URL,
      });
      codes.push(res.statusCode);
    }
    expect(new Set(codes)).toEqual(new Set([200]));
  });
});
