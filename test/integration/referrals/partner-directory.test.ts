import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/audit';
import { partnerUnits } from '../../../db/schema/partners';
import { staffCall } from '../../fixtures/records';
import { seedOrganisations } from '../../fixtures/referrals-world';
import { createStaff, loginAs } from '../../fixtures/staff';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  await seedOrganisations(stores);
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

const newUnit = (organisationKey: string) => ({
  organisationKey,
  nameLo: 'ບ້ານພັກເຊົາ ໄຊສົມບູນ',
  nameEn: 'Xaisomboun shelter',
  kind: 'shelter',
  services: ['shelter', 'follow_up'],
  provinces: ['LA-XS'],
  languages: ['lo', 'hmn'],
  hours: { alwaysOpen: false, weekly: { '1': [['08:00', '17:00']] }, holidays: ['2026-12-02'] },
  intake: { sexes: ['female'], minAge: null, maxAge: 17, nationalities: ['LA'] },
  focalPoints: [],
  usesSystem: false,
  webhookUrl: 'https://partner.example.la/saiduan',
  webhookSecret: 'x'.repeat(40),
  smsNumbers: ['+8562055512345'],
  active: true,
});

describe('partner directory administration', () => {
  it('lets an administrator pick an organisation, add a unit to it and deactivate it, audited', async () => {
    const admin = await createStaff(stores, { role: 'administrator' });
    const cookie = await loginAs(app, admin);

    const orgs = await staffCall(app, cookie, 'GET', '/partners/organisations');
    expect(orgs.status).toBe(200);
    const list = orgs.body as unknown as Array<{ key: string; nameLo: string; nameEn: string }>;
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toEqual({
      key: expect.any(String),
      kind: expect.any(String),
      nameLo: expect.any(String),
      nameEn: expect.any(String),
    });

    const created = await staffCall(
      app,
      cookie,
      'POST',
      '/partners/units',
      newUnit(list[0]?.key ?? ''),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      nameEn: 'Xaisomboun shelter',
      intake: { maxAge: 17 },
      webhookSecretSet: true,
      active: true,
    });
    expect(created.body).not.toHaveProperty('webhookSecret');
    const id = String(created.body.id);

    const units = await staffCall(app, cookie, 'GET', '/partners/units');
    expect((units.body as unknown as Array<{ id: string }>).map((u) => u.id)).toContain(id);

    const off = await staffCall(app, cookie, 'PATCH', `/partners/units/${id}`, { active: false });
    expect(off.body).toMatchObject({ active: false, webhookSecretSet: true });
    const [row] = await stores.database.db
      .select({ active: partnerUnits.active })
      .from(partnerUnits)
      .where(eq(partnerUnits.id, id));
    expect(row?.active).toBe(false);

    const audited = await stores.database.db
      .select({ actorId: auditLog.actorId, action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, id));
    expect(audited).toEqual([
      { actorId: admin.id, action: 'partner.unit_changed' },
      { actorId: admin.id, action: 'partner.unit_changed' },
    ]);
  });

  it('refuses bad input with field paths, unknown organisations and non-administrators', async () => {
    const cookie = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const bad = await staffCall(app, cookie, 'POST', '/partners/units', {
      ...newUnit('lwu-cwpc'),
      smsNumbers: ['020 5551 2345'],
      webhookUrl: 'http://partner.example.la/hook',
      intake: { sexes: [], minAge: 18, maxAge: 10, nationalities: [] },
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body as { error: { code: string; details: Array<{ path: string }> } }).error;
    expect(paths.code).toBe('VALIDATION_FAILED');
    expect(paths.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['/smsNumbers/0', '/webhookUrl', '/intake/maxAge']),
    );

    const unknown = await staffCall(app, cookie, 'POST', '/partners/units', newUnit('no-such-org'));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: '/organisationKey' }] },
    });

    const counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
    expect((await staffCall(app, counsellor, 'GET', '/partners/organisations')).status).toBe(200);
    const denied = await staffCall(app, counsellor, 'POST', '/partners/units', newUnit('lwu-cwpc'));
    expect(denied.status).toBe(403);
  });
});
