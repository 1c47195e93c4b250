import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

// The categories reference table is seeded into every test database (test/support/global-setup.ts):
// "trafficking", and under it each form of exploitation of the national report.

let stores: TTestStores;
let app: FastifyInstance;
let counsellor: string;

beforeAll(async () => {
  stores = await createTestStores();
  await createHotline(stores.database.db);
  ({ app } = await buildTestApp(stores));
  counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

const refusal = (res: { status: number; body: Record<string, unknown> }) => ({
  status: res.status,
  ...(res.body.error as { code: string; details?: unknown }),
});
const contact = (codes: object) => ({
  hotline: '1362',
  channel: 'walk_in',
  language: 'lo',
  callerType: 'self',
  contactType: 'crisis',
  ...codes,
});

describe('category codes are looked up in the categories table', () => {
  it('refuses a case filed under a well-shaped category or subcategory nobody defined, naming the field', async () => {
    const unknownCategory = await staffCall(app, counsellor, 'POST', '/cases', {
      hotline: '1362',
      categoryCode: 'slavery_of_the_moon',
    });
    expect(refusal(unknownCategory)).toMatchObject({
      status: 400,
      code: 'UNKNOWN_CODE',
      details: { field: 'categoryCode' },
    });
    const unknownSub = await staffCall(app, counsellor, 'POST', '/cases', {
      hotline: '1362',
      categoryCode: 'trafficking',
      subcategoryCode: 'no_such_form',
    });
    expect(refusal(unknownSub)).toMatchObject({
      status: 400,
      code: 'UNKNOWN_CODE',
      details: { field: 'subcategoryCode' },
    });
    const [{ count } = { count: -1 }] = await stores.database.sql<Array<{ count: number }>>`
      select count(*)::int as count from cases`;
    expect(count).toBe(0);
  });

  it('refuses a subcategory of another category, or one without its category', async () => {
    const misplaced = await staffCall(app, counsellor, 'POST', '/cases', {
      hotline: '1362',
      categoryCode: 'sexual_exploitation',
      subcategoryCode: 'forced_labour',
    });
    expect(refusal(misplaced)).toMatchObject({
      status: 400,
      details: { field: 'subcategoryCode' },
    });
    const orphan = await staffCall(app, counsellor, 'POST', '/cases', {
      hotline: '1362',
      subcategoryCode: 'forced_labour',
    });
    expect(refusal(orphan)).toMatchObject({ status: 400, details: { field: 'subcategoryCode' } });
  });

  it('keeps a case from moving to an unknown category, or leaving its subcategory under another', async () => {
    const { caseId, version } = await createCaseWithPerson(app, counsellor);
    const unknown = await staffCall(app, counsellor, 'PATCH', `/cases/${caseId}`, {
      version,
      categoryCode: 'made_up',
    });
    expect(refusal(unknown)).toMatchObject({ status: 400, details: { field: 'categoryCode' } });
    // trafficking / forced_labour → sexual_exploitation would leave forced_labour under it.
    const stale = await staffCall(app, counsellor, 'PATCH', `/cases/${caseId}`, {
      version,
      categoryCode: 'sexual_exploitation',
    });
    expect(refusal(stale)).toMatchObject({ status: 400, details: { field: 'subcategoryCode' } });
    const good = await staffCall(app, counsellor, 'PATCH', `/cases/${caseId}`, {
      version,
      categoryCode: 'sexual_exploitation',
      subcategoryCode: null,
    });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ categoryCode: 'sexual_exploitation', subcategoryCode: null });
  });

  it('checks a contact the same way, and takes the codes the desk offers', async () => {
    const bad = await staffCall(
      app,
      counsellor,
      'POST',
      '/contacts',
      contact({ categoryCode: 'XX' }),
    );
    expect(refusal(bad)).toMatchObject({
      status: 400,
      code: 'UNKNOWN_CODE',
      details: { field: 'categoryCode' },
    });
    const good = await staffCall(
      app,
      counsellor,
      'POST',
      '/contacts',
      contact({ categoryCode: 'forced_labour' }),
    );
    expect(good.status).toBe(201);
    const id = good.body.id as string;
    const edit = await staffCall(app, counsellor, 'PATCH', `/contacts/${id}`, {
      subcategoryCode: 'online_sexual_exploitation',
    });
    expect(refusal(edit)).toMatchObject({ status: 400, details: { field: 'subcategoryCode' } });
  });
});
