import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

/**
 * KNOWN DEFECTS (kept out of npm test until fixed; run by npm run test:faults).
 * 1. src/build-app.ts sets `trustProxy: true`, so request.ip is whatever the client writes first
 *    in X-Forwarded-For: every login and public rate limit is bypassed by changing that header.
 *    Fix: trust only the configured proxy hops (e.g. a TRUST_PROXY variable: hop count or CIDRs).
 * 2. Answers carrying personal data (GET /api/staff/contacts/:id, /auth/me) have no
 *    `Cache-Control: no-store`, so a shared browser or proxy may keep them.
 */
let stores: TTestStores;
let app: FastifyInstance;

beforeAll(async () => {
  stores = await createTestStores({ RATE_LIMIT_MAX: '5', LOGIN_RATE_LIMIT_MAX: '3' });
  ({ app } = await buildTestApp(stores));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

describe('client address', () => {
  it('cannot be chosen by the client to escape the login limit', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: user.username, password: `guess-${i}` },
        remoteAddress: '203.0.113.7',
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toContain(429);
  });
});

describe('caching of personal data', () => {
  it('marks signed-in answers no-store', async () => {
    const cookie = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
    const me = await app.inject({
      url: '/auth/me',
      headers: { cookie },
      remoteAddress: '10.1.1.1',
    });
    expect(me.statusCode).toBe(200);
    expect(String(me.headers['cache-control'])).toContain('no-store');
  });
});
