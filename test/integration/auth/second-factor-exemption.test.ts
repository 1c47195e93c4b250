import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { generateSync } from 'otplib';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs, type TTestStaff } from '../../fixtures/staff';
import { staffCall } from '../../fixtures/records';

let stores: TTestStores;
let app: FastifyInstance;
let admin: TTestStaff;
let adminCookie: string;

beforeAll(async () => {
  stores = await createTestStores({ LOGIN_RATE_LIMIT_MAX: '1000' });
  ({ app } = await buildTestApp(stores));
  admin = await createStaff(stores, { role: 'administrator' });
  adminCookie = await loginAs(app, admin);
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

const passwordStep = (user: TTestStaff) =>
  app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { username: user.username, password: user.password },
  });
const codeStep = (challenge: string, code: string) =>
  app.inject({ method: 'POST', url: '/auth/totp', payload: { challenge, code } });
const setting = async (role: string) => {
  const { body } = await staffCall(app, adminCookie, 'GET', '/second-factor/roles');
  return (body as unknown as Array<{ role: string }>).find((s) => s.role === role);
};

describe('a second factor for every staff role by default', () => {
  it('does not let a counsellor without an exemption finish signing in without a code', async () => {
    const counsellor = await createStaff(stores, { role: 'counsellor', totpEnrolled: false });
    const first = await passwordStep(counsellor);
    expect(first.json()).toMatchObject({ status: 'totp_required' });
    expect(first.json().enrolment.secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(first.cookies.find((c) => c.name === 'sid' && c.value)).toBeUndefined();
    const wrong = await codeStep(first.json().challenge, '000000');
    expect(wrong.statusCode).toBe(401);
    expect((await staffCall(app, 'sid=none', 'POST', '/search/cases', {})).status).toBe(401);

    // The enrolment code signs her in and keeps the secret: next time, a code and no new secret.
    const secret = first.json().enrolment.secret as string;
    const ok = await codeStep(first.json().challenge, generateSync({ secret }));
    expect(ok.json()).toMatchObject({ status: 'signed_in', user: { role: 'counsellor' } });
    const again = await passwordStep(counsellor);
    expect(again.json()).toMatchObject({ status: 'totp_required' });
    expect(again.json().enrolment).toBeUndefined();
    expect(await setting('counsellor')).toEqual({
      role: 'counsellor',
      required: true,
      exemption: null,
    });
  });

  it('refuses an exemption without a written reason, and from anyone but an administrator', async () => {
    const empty = await staffCall(
      app,
      adminCookie,
      'PUT',
      '/second-factor/roles/statistician/exemption',
      { reason: '   ' },
    );
    expect(empty).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const supervisor = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
    const denied = await staffCall(
      app,
      supervisor,
      'PUT',
      '/second-factor/roles/statistician/exemption',
      { reason: 'reports laptop has no phone nearby' },
    );
    expect(denied.status).toBe(403);
    expect(await setting('statistician')).toMatchObject({ required: true, exemption: null });
  });

  it('lets an exempted role sign in with a password alone, audited; removing it forces enrolment', async () => {
    const counsellor = await createStaff(stores, { role: 'counsellor', totpEnrolled: false });
    const reason = 'Night shift desk PCs have no phones until March';
    const exempted = await staffCall(
      app,
      adminCookie,
      'PUT',
      '/second-factor/roles/counsellor/exemption',
      { reason },
    );
    expect(exempted.status).toBe(200);
    expect(await setting('counsellor')).toMatchObject({
      required: false,
      exemption: { reason, createdBy: admin.id },
    });
    const [audit] = await stores.database.sql`
      select actor_id, data from audit_log
      where action = 'auth.second_factor_exempted' and entity_id = 'counsellor'`;
    expect(audit).toMatchObject({ actor_id: admin.id, data: { role: 'counsellor', reason } });

    const exemptSignIn = await passwordStep(counsellor);
    expect(exemptSignIn.json()).toMatchObject({
      status: 'signed_in',
      user: { role: 'counsellor' },
    });
    const cookie = `sid=${exemptSignIn.cookies.find((c) => c.name === 'sid')?.value}`;
    expect((await staffCall(app, cookie, 'POST', '/search/cases', {})).status).toBe(200);
    const users = await staffCall(app, adminCookie, 'GET', '/users');
    expect(
      (users.body as unknown as Array<{ id: string }>).find((u) => u.id === counsellor.id),
    ).toMatchObject({ totpRequired: false, totpEnrolled: false });

    const removed = await staffCall(
      app,
      adminCookie,
      'DELETE',
      '/second-factor/roles/counsellor/exemption',
    );
    expect(removed.status).toBe(200);
    expect(await setting('counsellor')).toMatchObject({ required: true, exemption: null });
    const [removal] = await stores.database.sql`
      select actor_id, data from audit_log
      where action = 'auth.second_factor_exemption_removed' and entity_id = 'counsellor'`;
    expect(removal).toMatchObject({ actor_id: admin.id, data: { role: 'counsellor', reason } });

    const next = await passwordStep(counsellor);
    expect(next.json()).toMatchObject({ status: 'totp_required' });
    expect(next.json().enrolment.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(next.cookies.find((c) => c.name === 'sid' && c.value)).toBeUndefined();
    const again = await staffCall(
      app,
      adminCookie,
      'DELETE',
      '/second-factor/roles/counsellor/exemption',
    );
    expect(again.status).toBe(404);
  });
});
