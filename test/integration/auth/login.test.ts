import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { generateSync } from 'otplib';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp, type TLogCapture } from '../../support/test-app';
import { createStaff, loginAs, signInResponse } from '../../fixtures/staff';
import { installStaffAuth } from '../../../src/routes/api/staff/staff-auth.hook';
import { resolveActor } from '../../../src/modules/auth/resolve-actor';
import {
  revokeUserSessions,
  sessionDigest,
  sessionRevokedChannel,
} from '../../../src/modules/auth/session.repository';
import { openRedis } from '../../../src/infra/redis';
import { authKeyspace } from '../../../src/modules/auth/auth.keys';

let stores: TTestStores;
let app: FastifyInstance;
let logs: TLogCapture;

beforeAll(async () => {
  stores = await createTestStores({ LOGIN_RATE_LIMIT_MAX: '3' });
  ({ app, logs } = await buildTestApp(stores));
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

const post = (url: string, payload: object, cookieHeader?: string) =>
  app.inject({
    method: 'POST',
    url,
    payload,
    headers: cookieHeader ? { cookie: cookieHeader } : {},
  });

describe('sign in', () => {
  it('gives the same answer for an unknown user and a wrong password', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const unknown = await post('/auth/login', { username: 'nobody-here', password: 'x' });
    const wrong = await post('/auth/login', { username: user.username, password: 'wrong' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('sets an HttpOnly SameSite=strict cookie and rotates the session id at each login', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const first = await signInResponse(app, user);
    expect(first.json().status).toBe('signed_in');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/sid=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const oldCookie = `sid=${first.cookies[0]?.value}`;
    const second = await signInResponse(app, user, { cookie: oldCookie });
    expect(second.cookies[0]?.value).not.toBe(first.cookies[0]?.value);
    expect((await app.inject({ url: '/auth/me', headers: { cookie: oldCookie } })).statusCode).toBe(
      401,
    );
    const me = await app.inject({
      url: '/auth/me',
      headers: { cookie: `sid=${second.cookies[0]?.value}` },
    });
    expect(me.json()).toMatchObject({ userId: user.id, role: 'counsellor' });
  });

  it('requires a TOTP code for supervisors and accepts each code only once', async () => {
    const user = await createStaff(stores, { role: 'supervisor' });
    const first = await post('/auth/login', { username: user.username, password: user.password });
    expect(first.json().status).toBe('totp_required');
    expect(first.cookies.find((c) => c.name === 'sid' && c.value)).toBeUndefined();
    const code = generateSync({ secret: user.totpSecret as string });
    const bad = await post('/auth/totp', { challenge: first.json().challenge, code: '000000' });
    expect(bad.statusCode).toBe(401);
    const ok = await post('/auth/totp', { challenge: first.json().challenge, code });
    expect(ok.json().status).toBe('signed_in');
    const again = await post('/auth/login', { username: user.username, password: user.password });
    const replay = await post('/auth/totp', { challenge: again.json().challenge, code });
    expect(replay.statusCode).toBe(401);
  });

  it('enrols a TOTP secret at first sign-in when none is set yet', async () => {
    const user = await createStaff(stores, { role: 'administrator' });
    await stores.database.sql`update staff_users set totp_secret_enc = null where id = ${user.id}`;
    const first = await post('/auth/login', { username: user.username, password: user.password });
    const { challenge, enrolment } = first.json();
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\//);
    const ok = await post('/auth/totp', {
      challenge,
      code: generateSync({ secret: enrolment.secret }),
    });
    expect(ok.json(), ok.body).toMatchObject({ status: 'signed_in' });
    const [row] = await stores.database
      .sql`select totp_secret_enc from staff_users where id = ${user.id}`;
    expect(row?.totp_secret_enc).toMatch(/^v1\./);
    expect(row?.totp_secret_enc).not.toContain(enrolment.secret);
  });

  it('rate-limits repeated attempts for one user name from one address', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await post('/auth/login', { username: user.username, password: 'nope' })).statusCode,
      );
    }
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes.slice(3)).toEqual([429, 429]);
    const other = await createStaff(stores, { role: 'counsellor' });
    expect(
      (await post('/auth/login', { username: other.username, password: other.password }))
        .statusCode,
    ).toBe(200);
  });

  it('signs out', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const cookieHeader = await loginAs(app, user);
    expect((await post('/auth/logout', {}, cookieHeader)).statusCode).toBe(204);
    expect(
      (await app.inject({ url: '/auth/me', headers: { cookie: cookieHeader } })).statusCode,
    ).toBe(401);
  });

  it('keeps passwords and TOTP codes out of the log', async () => {
    await post('/auth/login', { username: 'canary-user', password: 'canary-password-4411' });
    expect(logs.text()).not.toContain('canary-password-4411');
  });
});

describe('sessions', () => {
  it('ends a session after the idle time-out', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const cookieHeader = await loginAs(app, user);
    const sid = cookieHeader.slice(4);
    const key = `${authKeyspace(stores.config.REDIS_PREFIX)}:session:${sessionDigest(sid)}`;
    const session = JSON.parse((await stores.redis.get(key)) as string);
    const idleMs = stores.config.SESSION_IDLE_MINUTES * 60_000;
    await stores.redis.set(
      key,
      JSON.stringify({ ...session, lastSeenAt: Date.now() - idleMs - 1 }),
    );
    expect(await resolveActor(app.deps, sid)).toBeNull();
  });

  it('revokes every session of a user and announces it on the revocation channel', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const a = (await loginAs(app, user)).slice(4);
    const b = (await loginAs(app, user)).slice(4);
    const subscriber = openRedis(stores.config.REDIS_URL as string, 'subscriber');
    const heard = new Promise<string>((resolve) => subscriber.on('message', (_c, m) => resolve(m)));
    await subscriber.subscribe(sessionRevokedChannel(stores.config.REDIS_PREFIX));
    await revokeUserSessions(app.deps, user.id);
    expect(await heard).toBe(`user:${user.id}`);
    expect(await resolveActor(app.deps, a)).toBeNull();
    expect(await resolveActor(app.deps, b)).toBeNull();
    subscriber.disconnect();
  });

  it('keeps the session id itself out of every Redis key and value', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const sid = (await loginAs(app, user)).slice(4);
    expect((await resolveActor(app.deps, sid))?.userId).toBe(user.id);
    const keys = await stores.redis.keys(`${stores.config.REDIS_PREFIX}:*`);
    expect(keys).toContain(
      `${authKeyspace(stores.config.REDIS_PREFIX)}:session:${sessionDigest(sid)}`,
    );
    const stored: string[] = [];
    for (const key of keys) {
      const type = await stores.redis.type(key);
      if (type === 'string') stored.push((await stores.redis.get(key)) ?? '');
      if (type === 'set') stored.push(...(await stores.redis.smembers(key)));
      if (type === 'hash') stored.push(...Object.values(await stores.redis.hgetall(key)));
      if (type === 'list') stored.push(...(await stores.redis.lrange(key, 0, -1)));
      if (type === 'zset') stored.push(...(await stores.redis.zrange(key, '0', '-1')));
    }
    expect(keys.filter((k) => k.includes(sid))).toEqual([]);
    expect(stored.filter((v) => v.includes(sid))).toEqual([]);
  });

  it('refuses a session whose user was disabled', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const sid = (await loginAs(app, user)).slice(4);
    expect((await resolveActor(app.deps, sid))?.userId).toBe(user.id);
    await stores.database.sql`update staff_users set disabled_at = now() where id = ${user.id}`;
    expect(await resolveActor(app.deps, sid)).toBeNull();
  });
});

describe('staff boundary', () => {
  it('refuses to register a staff route without a declared permission', async () => {
    const probe = Fastify();
    probe.decorate('deps', app.deps);
    await probe.register(cookie);
    const boot = async () => {
      await probe.register(async (scope) => {
        installStaffAuth(scope);
        scope.get('/undeclared', async () => ({}));
      });
      await probe.ready();
    };
    await expect(boot()).rejects.toThrow(/must declare config.permission/);
  });
});
