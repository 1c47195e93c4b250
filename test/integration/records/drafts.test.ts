import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { contactDrafts } from '../../../db/schema/drafts';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs } from '../../fixtures/staff';
import { staffCall } from '../../fixtures/records';
import { newCallSid } from '../../fixtures/telephony.fixture';

let stores: TTestStores;
let app: FastifyInstance;
let counsellor: string;
let colleague: string;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  colleague = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

const form = { summary: 'Locked in a dormitory in Bokeo', codeWord: 'mango', safeToTalk: 'no' };

describe('contact drafts kept on the server', () => {
  it('restores what the counsellor typed, to them only, encrypted at rest', async () => {
    const key = `call:${newCallSid()}`;
    expect((await staffCall(app, counsellor, 'GET', `/drafts/${key}`)).body).toEqual({
      draft: null,
    });
    const saved = await staffCall(app, counsellor, 'PUT', `/drafts/${key}`, {
      savedAt: 1_000,
      data: form,
    });
    expect(saved).toEqual({ status: 200, body: { stored: true } });

    expect((await staffCall(app, counsellor, 'GET', `/drafts/${key}`)).body).toEqual({
      draft: { savedAt: 1_000, data: form },
    });
    // A colleague asking for the same call's draft gets their own (none), not this one.
    expect((await staffCall(app, colleague, 'GET', `/drafts/${key}`)).body).toEqual({
      draft: null,
    });

    const rows = await stores.database.db
      .select()
      .from(contactDrafts)
      .where(eq(contactDrafts.draftKey, key));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dataEnc).not.toContain('dormitory');
    expect(rows[0]?.dataEnc).not.toContain('mango');
  });

  it('keeps the newer copy when saves arrive out of order', async () => {
    const key = `call:${newCallSid()}`;
    await staffCall(app, counsellor, 'PUT', `/drafts/${key}`, {
      savedAt: 2_000,
      data: { summary: 'newer' },
    });
    const late = await staffCall(app, counsellor, 'PUT', `/drafts/${key}`, {
      savedAt: 1_500,
      data: { summary: 'older' },
    });
    expect(late.body).toEqual({ stored: false });
    expect((await staffCall(app, counsellor, 'GET', `/drafts/${key}`)).body).toMatchObject({
      draft: { data: { summary: 'newer' } },
    });
  });

  it('is gone once discarded', async () => {
    await staffCall(app, counsellor, 'PUT', '/drafts/offline', { savedAt: 1, data: form });
    expect((await staffCall(app, counsellor, 'DELETE', '/drafts/offline')).status).toBe(204);
    expect((await staffCall(app, counsellor, 'GET', '/drafts/offline')).body).toEqual({
      draft: null,
    });
  });

  it('refuses keys that are not a call or the offline form, and oversized forms', async () => {
    expect((await staffCall(app, counsellor, 'GET', '/drafts/anything')).status).toBe(400);
    const huge = await staffCall(app, counsellor, 'PUT', '/drafts/offline', {
      savedAt: 1,
      data: { summary: 'x'.repeat(70_000) },
    });
    expect(huge.status).toBe(413);
  });

  it('is not open to roles that record no contacts', async () => {
    const statistician = await loginAs(app, await createStaff(stores, { role: 'statistician' }));
    expect((await staffCall(app, statistician, 'GET', '/drafts/offline')).status).toBe(403);
  });
});
