import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/audit';
import { hotlines } from '../../../db/schema/hotlines';
import { openRedis } from '../../../src/infra/redis';
import { hotlineSettingsChannel } from '../../../src/modules/hotlines/hotline-settings.channel';
import { createStaff, loginAs } from '../../fixtures/staff';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  await stores.database.db.insert(hotlines).values({
    number: '1554',
    nameLo: 'ສາຍດ່ວນ 1554',
    nameEn: '1554',
    phoneNumber: '+85621155400',
    languages: ['lo', 'en'],
    openingHours: { weekly: { '1': [['08:00', '17:00']] }, holidays: [] },
  });
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

const patch = (cookie: string, payload: object) =>
  app.inject({
    method: 'PATCH',
    url: '/api/staff/admin/hotlines/1554',
    payload,
    headers: { cookie },
  });

describe('hotline administration', () => {
  it('saves new opening hours, audits who changed what, and tells every node', async () => {
    const admin = await createStaff(stores, { role: 'administrator' });
    const cookie = await loginAs(app, admin);
    const listener = openRedis(stores.config.REDIS_URL ?? '', 'worker');
    const heard: string[] = [];
    listener.on('message', (_c: string, number: string) => heard.push(number));
    await listener.subscribe(hotlineSettingsChannel(stores.config.REDIS_PREFIX));

    const hours = { weekly: { '6': [['09:00', '12:00']] }, holidays: ['2026-12-02'] };
    const res = await patch(cookie, { openingHours: hours, recordingNotice: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ openingHours: hours, recordingNotice: true });

    const list = await app.inject({ url: '/api/staff/admin/hotlines', headers: { cookie } });
    expect(list.json().hotlines[0].openingHours).toEqual(hours);
    const audit = await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'hotline.settings_changed'));
    expect(audit).toMatchObject([
      {
        actorId: admin.id,
        entityId: '1554',
        data: { fields: ['openingHours', 'recordingNotice'] },
      },
    ]);
    await expect.poll(() => heard).toEqual(['1554']);
    listener.disconnect();
  });

  it('refuses a closing time before the opening time and forwarding with no duty mobile', async () => {
    const cookie = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const backwards = await patch(cookie, {
      openingHours: { weekly: { '1': [['17:00', '08:00']] }, holidays: [] },
    });
    expect(backwards.statusCode).toBe(400);
    const forward = await patch(cookie, { afterHours: 'forward', dutyMobile: null });
    expect(forward.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lets a supervisor read the settings of their hotline but not change them', async () => {
    const supervisor = await createStaff(stores, { role: 'supervisor', hotlines: ['1554'] });
    const cookie = await loginAs(app, supervisor);
    const list = await app.inject({ url: '/api/staff/admin/hotlines', headers: { cookie } });
    expect(list.json().hotlines.map((h: { number: string }) => h.number)).toEqual(['1554']);
    expect((await patch(cookie, { recordingNotice: false })).statusCode).toBe(403);
  });
});
