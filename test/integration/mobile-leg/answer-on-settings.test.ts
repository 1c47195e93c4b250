import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/audit';
import { staffUsers } from '../../../db/schema/staff';
import { createStaff, loginAs } from '../../fixtures/staff';
import { buildTestApp, type TLogCapture } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;
let logs: TLogCapture;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app, logs } = await buildTestApp(stores));
}, 60_000);
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

const call = (cookie: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('where a counsellor answers accepted calls', () => {
  it('is the browser until the counsellor gives a mobile and chooses it; the number is stored encrypted and never logged', async () => {
    const counsellor = await createStaff(stores, { role: 'counsellor' });
    const cookie = await loginAs(app, counsellor);
    expect((await call(cookie, 'GET', '/api/staff/me/answer-on')).json()).toEqual({
      answerOn: 'browser',
      mobile: null,
    });

    const saved = await call(cookie, 'PUT', '/api/staff/me/answer-on', {
      answerOn: 'mobile',
      mobile: '+8562055577123',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['cache-control']).toBe('no-store');
    expect(saved.json()).toEqual({ answerOn: 'mobile', mobile: '+8562055577123' });
    expect((await call(cookie, 'GET', '/api/staff/me/answer-on')).json()).toEqual({
      answerOn: 'mobile',
      mobile: '+8562055577123',
    });

    const [row] = await stores.database.db
      .select()
      .from(staffUsers)
      .where(eq(staffUsers.id, counsellor.id));
    expect(row?.mobileEnc).toMatch(/^v1\./);
    expect(row?.mobileEnc).not.toContain('2055577123');
    const audits = await stores.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, counsellor.id), eq(auditLog.action, 'user.updated')));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain('2055577123');
    expect(logs.text()).not.toContain('2055577123');
  });

  it('applies to the very next accept after each change, by the counsellor or an administrator', async () => {
    const counsellor = await createStaff(stores, { role: 'counsellor' });
    const cookie = await loginAs(app, counsellor);
    const target = () => app.liveRouting.mobileLegs.answerTarget(counsellor.id);
    // Read once as the browser (now remembered), then changed: the change is seen at once.
    expect(await target()).toEqual({ kind: 'browser' });
    expect(await target()).toEqual({ kind: 'browser' });
    await call(cookie, 'PUT', '/api/staff/me/answer-on', {
      answerOn: 'mobile',
      mobile: '+8562055577130',
    });
    expect(await target()).toEqual({ kind: 'mobile', number: '+8562055577130' });
    const admin = await createStaff(stores, { role: 'administrator' });
    await call(await loginAs(app, admin), 'PUT', `/api/staff/users/${counsellor.id}/answer-on`, {
      answerOn: 'browser',
    });
    expect(await target()).toEqual({ kind: 'browser' });
  });

  it('refuses a number that is not E.164 and a mobile preference without a number', async () => {
    const counsellor = await createStaff(stores, { role: 'counsellor' });
    const cookie = await loginAs(app, counsellor);
    for (const payload of [
      { mobile: '020 5557 7123' },
      { mobile: '+0205557' },
      { answerOn: 'desk-phone' },
      {},
      { answerOn: 'mobile' },
    ]) {
      const response = await call(cookie, 'PUT', '/api/staff/me/answer-on', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    await call(cookie, 'PUT', '/api/staff/me/answer-on', {
      answerOn: 'mobile',
      mobile: '+8562055577124',
    });
    // Removing the number while calls ring on it would leave callers ringing nowhere.
    expect(
      (await call(cookie, 'PUT', '/api/staff/me/answer-on', { mobile: null })).statusCode,
    ).toBe(400);
    expect(
      (
        await call(cookie, 'PUT', '/api/staff/me/answer-on', { answerOn: 'browser', mobile: null })
      ).json(),
    ).toEqual({ answerOn: 'browser', mobile: null });
  });

  it('can be set by an administrator, who sees only the last digits; not by other roles', async () => {
    const counsellor = await createStaff(stores, { role: 'counsellor' });
    const admin = await createStaff(stores, { role: 'administrator' });
    const adminCookie = await loginAs(app, admin);
    const url = `/api/staff/users/${counsellor.id}/answer-on`;
    const set = await call(adminCookie, 'PUT', url, {
      mobile: '+8562055577125',
      answerOn: 'mobile',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ answerOn: 'mobile', mobileEnding: '125' });
    expect((await call(adminCookie, 'GET', url)).json()).toEqual({
      answerOn: 'mobile',
      mobileEnding: '125',
    });
    expect(
      (await call(adminCookie, 'GET', `/api/staff/users/${crypto.randomUUID()}/answer-on`))
        .statusCode,
    ).toBe(404);
    const users = (await call(adminCookie, 'GET', '/api/staff/users')).body;
    expect(users).not.toContain('mobileEnc');

    const other = await createStaff(stores, { role: 'counsellor' });
    const otherCookie = await loginAs(app, other);
    expect((await call(otherCookie, 'PUT', url, { answerOn: 'browser' })).statusCode).toBe(403);
    const statistician = await createStaff(stores, { role: 'statistician' });
    expect(
      (await call(await loginAs(app, statistician), 'GET', '/api/staff/me/answer-on')).statusCode,
    ).toBe(403);
  });
});
