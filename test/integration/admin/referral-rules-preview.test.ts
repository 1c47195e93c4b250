import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referrals } from '../../../db/schema/referrals';
import { staffCall } from '../../fixtures/records';
import { insertRule, insertUnit, seedOrganisations } from '../../fixtures/referrals-world';
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

const person = (isChild: boolean) => ({
  sex: 'female',
  age: isChild ? 15 : 30,
  isChild,
  nationality: 'LA',
  provinceCode: 'LA-VT',
  exploitationForms: ['forced_labour'],
  languages: ['lo'],
});

describe('which partner would get this?', () => {
  it('answers with the unit the worker would choose, per need, and stores nothing', async () => {
    const adults = await insertUnit(stores, { kind: 'shelter' });
    const children = await insertUnit(stores, { kind: 'shelter' });
    await insertRule(stores, { need: 'shelter', unitId: adults.id, ageGroup: 'adult' });
    await insertRule(stores, { need: 'shelter', unitId: children.id, ageGroup: 'child' });
    const cookie = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));

    const child = await staffCall(app, cookie, 'POST', '/referral-rules/preview', {
      needs: ['shelter', 'police'],
      subject: person(true),
    });
    expect(child.status).toBe(200);
    expect(child.body).toMatchObject({
      units: [{ id: children.id, needs: ['shelter'] }],
      unrouted: ['police'],
    });
    const adult = await staffCall(app, cookie, 'POST', '/referral-rules/preview', {
      needs: ['shelter'],
      subject: person(false),
    });
    expect(adult.body).toMatchObject({ units: [{ id: adults.id }] });
    expect(await stores.database.db.select().from(referrals)).toEqual([]);

    const counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
    const denied = await staffCall(app, counsellor, 'POST', '/referral-rules/preview', {
      needs: ['shelter'],
      subject: person(false),
    });
    expect(denied.status).toBe(403);
  });
});
