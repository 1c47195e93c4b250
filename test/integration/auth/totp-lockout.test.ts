import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { generateSync } from 'otplib';
import { MAX_TOTP_FAILURES, usedStepKey } from '../../../src/modules/auth/login.service';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs, type TTestStaff } from '../../fixtures/staff';

let stores: TTestStores;
let app: FastifyInstance;

beforeAll(async () => {
  stores = await createTestStores({ LOGIN_RATE_LIMIT_MAX: '1000' });
  ({ app } = await buildTestApp(stores));
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
const challengeFor = async (user: TTestStaff) =>
  (await post('/auth/login', { username: user.username, password: user.password })).json();
/** A six-digit code that is certainly not the current one. */
const wrongCode = (user: TTestStaff) => {
  const right = generateSync({ secret: user.totpSecret as string });
  return right === '000000' ? '111111' : '000000';
};

describe('second-factor guesses', () => {
  it(`locks the second factor after ${MAX_TOTP_FAILURES} wrong codes across challenges, audited`, async () => {
    const user = await createStaff(stores, { role: 'supervisor' });
    // Two wrong codes per challenge, new challenges each time: the count is per user.
    for (let i = 0; i < MAX_TOTP_FAILURES / 2; i++) {
      const { challenge } = await challengeFor(user);
      for (let j = 0; j < 2; j++) {
        const res = await post('/auth/totp', { challenge, code: wrongCode(user) });
        expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
      }
    }
    // Locked: the correct password and then the right code are both refused, with a clear code.
    const locked = await post('/auth/login', { username: user.username, password: user.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOTP_LOCKED');
    const [audit] = await stores.database.sql`
      select count(*)::int as n from audit_log
      where action = 'auth.totp_locked' and entity_id = ${user.id}`;
    expect(audit?.n).toBe(1);
    // A supervisor of the same hotline sees it in the audit log.
    const supervisor = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
    const seen = await app.inject({
      url: '/api/staff/audit?action=auth.totp_locked',
      headers: { cookie: supervisor },
    });
    expect(seen.json().rows).toContainEqual(
      expect.objectContaining({ action: 'auth.totp_locked', entityId: user.id }),
    );

    // Another user is not affected.
    await expect(loginAs(app, await createStaff(stores, { role: 'supervisor' }))).resolves.toMatch(
      /^sid=/,
    );
  });

  it('refuses even the right code on a challenge opened before the lock', async () => {
    const user = await createStaff(stores, { role: 'administrator' });
    const { challenge: early } = await challengeFor(user);
    for (let i = 0; i < MAX_TOTP_FAILURES / 5; i++) {
      const { challenge } = await challengeFor(user);
      for (let j = 0; j < 5; j++) await post('/auth/totp', { challenge, code: wrongCode(user) });
    }
    await stores.redis.del(usedStepKey(stores.config.REDIS_PREFIX, user.id));
    const res = await post('/auth/totp', {
      challenge: early,
      code: generateSync({ secret: user.totpSecret as string }),
    });
    expect(res.json().error.code).toBe('TOTP_LOCKED');
    expect(res.cookies.find((c) => c.name === 'sid' && c.value)).toBeUndefined();
  });

  it('forgets wrong codes once the right one is given', async () => {
    const user = await createStaff(stores, { role: 'supervisor' });
    for (let i = 0; i < MAX_TOTP_FAILURES - 1; i++) {
      const { challenge } = await challengeFor(user);
      await post('/auth/totp', { challenge, code: wrongCode(user) });
    }
    await loginAs(app, user);
    const { challenge } = await challengeFor(user);
    const res = await post('/auth/totp', { challenge, code: wrongCode(user) });
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    // Without the reset this would be the tenth wrong code, and the next sign-in locked.
    expect((await challengeFor(user)).status).toBe('totp_required');
  });
});
