import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import { createStaff, loginAs, type TTestStaff } from '../../fixtures/staff';
import { softAuthenticator } from '../../fixtures/soft-authenticator';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

let stores: TTestStores;
let app: FastifyInstance;
let origin: string;

beforeAll(async () => {
  stores = await createTestStores({ LOGIN_RATE_LIMIT_MAX: '50' });
  ({ app } = await buildTestApp(stores));
  origin = new URL(stores.config.PUBLIC_BASE_URL).origin;
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

const post = (url: string, payload: object | undefined, cookie?: string) =>
  app.inject({
    method: 'POST',
    url,
    ...(payload ? { payload } : {}),
    headers: { origin, ...(cookie ? { cookie } : {}) },
  });

/** A signed-in counsellor who adds a passkey from the security screen. */
async function withPasskey(label = 'ແລັບທັອບຫ້ອງການ') {
  const user = await createStaff(stores, { role: 'counsellor' });
  const cookie = await loginAs(app, user);
  const device = softAuthenticator();
  const options = (await post('/auth/passkeys/options', undefined, cookie)).json();
  const added = await post(
    '/auth/passkeys',
    { label, response: device.create(options, origin) },
    cookie,
  );
  expect(added.statusCode).toBe(201);
  return { user, cookie, device, passkeyId: added.json().id as string };
}

async function passwordStep(user: TTestStaff) {
  const res = await post('/auth/login', { username: user.username, password: user.password });
  return res.json() as { status: string; challenge: string; passkey: boolean };
}

describe('passkeys as the second factor', () => {
  it('signs a counsellor in with her passkey instead of a code, and says she has one', async () => {
    const { user, device } = await withPasskey();
    const step = await passwordStep(user);
    expect(step).toMatchObject({ status: 'totp_required', passkey: true });
    const options = (await post('/auth/passkey/options', { challenge: step.challenge })).json();
    const signedIn = await post('/auth/passkey', {
      challenge: step.challenge,
      response: device.get(options, origin),
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.username).toBe(user.username);
    const sid = signedIn.cookies.find((c) => c.name === 'sid')?.value;
    expect(
      (await app.inject({ url: '/auth/me', headers: { cookie: `sid=${sid}` } })).statusCode,
    ).toBe(200);
    // The challenge is spent: the same answer cannot sign in a second time.
    const replay = await post('/auth/passkey', {
      challenge: step.challenge,
      response: device.get(options, origin),
    });
    expect(replay.statusCode).toBe(401);
  });

  it('does not offer a passkey to someone who has none', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    expect((await passwordStep(user)).passkey).toBe(false);
  });

  it('refuses a signature made for a look-alike address, and another person’s passkey', async () => {
    const { user, device } = await withPasskey();
    const step = await passwordStep(user);
    const options = (await post('/auth/passkey/options', { challenge: step.challenge })).json();
    const phished = await post('/auth/passkey', {
      challenge: step.challenge,
      response: device.get(options, 'https://saiduan-login.example'),
    });
    expect(phished.statusCode).toBe(401);

    const other = await withPasskey();
    const step2 = await passwordStep(user);
    const options2 = (await post('/auth/passkey/options', { challenge: step2.challenge })).json();
    const borrowed = await post('/auth/passkey', {
      challenge: step2.challenge,
      response: other.device.get(options2, origin),
    });
    expect(borrowed.statusCode).toBe(401);
  });

  it('refuses a cloned passkey whose counter went backwards, and audits it', async () => {
    const { user, device, passkeyId } = await withPasskey();
    for (const clone of [false, true]) {
      if (clone) device.rewindCounter();
      const step = await passwordStep(user);
      const options = (await post('/auth/passkey/options', { challenge: step.challenge })).json();
      const res = await post('/auth/passkey', {
        challenge: step.challenge,
        response: device.get(options, origin),
      });
      expect(res.statusCode).toBe(clone ? 401 : 200);
    }
    const refused = await stores.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.passkey_refused'), eq(auditLog.entityId, user.id)));
    expect(refused).toHaveLength(1);
    expect(refused[0]?.data).toMatchObject({ passkeyId });
  });

  it('lists and removes only one’s own passkeys, audited, and a removed passkey signs nobody in', async () => {
    const mine = await withPasskey('ໂທລະສັບ');
    const theirs = await withPasskey();
    const list = await app.inject({ url: '/auth/passkeys', headers: { cookie: mine.cookie } });
    expect(list.json()).toEqual([expect.objectContaining({ label: 'ໂທລະສັບ', lastUsedAt: null })]);
    const notMine = await app.inject({
      method: 'DELETE',
      url: `/auth/passkeys/${theirs.passkeyId}`,
      headers: { origin, cookie: mine.cookie },
    });
    expect(notMine.statusCode).toBe(404);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/auth/passkeys/${mine.passkeyId}`,
      headers: { origin, cookie: mine.cookie },
    });
    expect(removed.statusCode).toBe(204);
    expect((await passwordStep(mine.user)).passkey).toBe(false);
    const audit = await stores.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, mine.user.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.passkey_added', 'auth.passkey_removed']),
    );
  });

  it('keeps a passkey only when the browser answered our own challenge', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    const cookie = await loginAs(app, user);
    const device = softAuthenticator();
    const invented = await post(
      '/auth/passkeys',
      { label: 'x', response: device.create({ challenge: 'bm90LW91cnM' }, origin) },
      cookie,
    );
    expect(invented.statusCode).toBe(400);
    expect(invented.json().error.code).toBe('PASSKEY_NOT_VERIFIED');
    const anonymous = await post('/auth/passkeys/options', undefined);
    expect(anonymous.statusCode).toBe(401);
    const junk = await post('/auth/passkeys', { label: 'x', response: { id: '<script>' } }, cookie);
    expect(junk.statusCode).toBe(400);
  });
});
