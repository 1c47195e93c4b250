import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { staffRoles } from '../../../src/contracts/staff-users';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs, signInResponse, type TTestStaff } from '../../fixtures/staff';
import { staffCall } from '../../fixtures/records';

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

const changePassword = (cookie: string, currentPassword: string, newPassword: string) =>
  app.inject({
    method: 'POST',
    url: '/auth/password',
    headers: { cookie, origin: stores.config.PUBLIC_BASE_URL },
    payload: { currentPassword, newPassword },
  });
const signIn = (user: TTestStaff, password: string) => signInResponse(app, user, { password });
const me = (cookie: string) => app.inject({ url: '/auth/me', headers: { cookie } });
const sidOf = (res: { cookies: Array<{ name: string; value: string }> }) =>
  `sid=${res.cookies.find((c) => c.name === 'sid')?.value}`;

describe('changing one’s own password', () => {
  it('works for every staff role: the old password stops working, the new one signs in', async () => {
    for (const role of staffRoles) {
      const user = await createStaff(stores, { role, organisationKey: 'lwu-cwpc' });
      const cookie = await loginAs(app, user);
      const otherPc = await loginAs(app, user);
      const changed = await changePassword(cookie, user.password, `${role} river lantern 42`);
      expect(changed.statusCode, role).toBe(204);
      // This browser carries on; the other PC is signed out.
      expect((await me(cookie)).statusCode, role).toBe(200);
      expect((await me(otherPc)).statusCode, role).toBe(401);
      expect((await signIn(user, user.password)).statusCode, role).toBe(401);
      expect((await signIn(user, `${role} river lantern 42`)).statusCode, role).toBe(200);
    }
    const [audit] = await stores.database.sql`
      select count(*)::int as n from audit_log where action = 'auth.password_changed'`;
    expect(audit?.n).toBe(staffRoles.length);
  });

  it('refuses a wrong current password, a short, common, breached or user-name password', async () => {
    const user = await createStaff(stores, { role: 'counsellor', username: 'noy.sisouk' });
    const cookie = await loginAs(app, user);
    const codeOf = async (current: string, next: string) =>
      (await changePassword(cookie, current, next)).json().error?.code;
    expect(await codeOf('not my password', 'a fresh long password')).toBe('CURRENT_PASSWORD_WRONG');
    expect(await codeOf(user.password, 'short one')).toBe('PASSWORD_TOO_SHORT');
    expect(await codeOf(user.password, 'qwerty123456')).toBe('PASSWORD_TOO_COMMON');
    expect(await codeOf(user.password, '1qaz2wsx3edc')).toBe('PASSWORD_TOO_COMMON');
    expect(await codeOf(user.password, 'Football2024!')).toBe('PASSWORD_TOO_COMMON');
    expect(await codeOf(user.password, 'noy.sisouk-2025')).toBe('PASSWORD_TOO_COMMON');
    expect(await codeOf(user.password, user.password)).toBe('PASSWORD_UNCHANGED');
    expect((await signIn(user, user.password)).statusCode).toBe(200);
  });

  it('needs a session', async () => {
    const res = await changePassword('sid=nothing', 'a', 'a fresh long password');
    expect(res.statusCode).toBe(401);
  });
});

describe('an administrator’s reset', () => {
  it('ends the user’s sessions and forces a change at the next sign-in', async () => {
    const admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const user = await createStaff(stores, { role: 'counsellor' });
    const cookie = await loginAs(app, user);
    expect((await staffCall(app, cookie, 'POST', '/search/cases', {})).status).toBe(200);

    const common = await staffCall(app, admin, 'POST', `/users/${user.id}/password`, {
      temporaryPassword: 'password1234',
    });
    expect(common.body).toMatchObject({ error: { code: 'PASSWORD_TOO_COMMON' } });
    const reset = await staffCall(app, admin, 'POST', `/users/${user.id}/password`, {
      temporaryPassword: 'temporary mango shutter',
    });
    expect(reset.status).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await signIn(user, user.password)).statusCode).toBe(401);

    const temporary = await signIn(user, 'temporary mango shutter');
    expect(temporary.json().user.passwordChangeRequired).toBe(true);
    const limited = sidOf(temporary);
    expect(await staffCall(app, limited, 'POST', '/search/cases', {})).toMatchObject({
      status: 403,
      body: { error: { code: 'PASSWORD_CHANGE_REQUIRED' } },
    });
    const changed = await changePassword(
      limited,
      'temporary mango shutter',
      'my own quiet harbour',
    );
    expect(changed.statusCode).toBe(204);
    expect((await me(limited)).json().passwordChangeRequired).toBe(false);
    expect((await staffCall(app, limited, 'POST', '/search/cases', {})).status).toBe(200);

    const [audit] = await stores.database.sql`
      select actor_id from audit_log where action = 'user.password_reset' and entity_id = ${user.id}`;
    expect(audit).toBeDefined();
  });

  it('is for administrators only', async () => {
    const supervisor = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
    const user = await createStaff(stores, { role: 'counsellor' });
    const res = await staffCall(app, supervisor, 'POST', `/users/${user.id}/password`, {
      temporaryPassword: 'temporary mango shutter',
    });
    expect(res.status).toBe(403);
  });
});
