import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs } from '../../fixtures/staff';
import { staffCall } from '../../fixtures/records';

// Text our schemas accept can still be refused by Postgres (a NUL byte has no place in UTF-8
// text columns). The fuzz test found this as a 500; the counsellor must get a 400 instead.
let stores: TTestStores;
let app: FastifyInstance;
let cookie: string;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  cookie = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

describe('input the database refuses', () => {
  it('answers 400 VALIDATION_FAILED for a NUL byte in a search, and the next search still works', async () => {
    const refused = await staffCall(app, cookie, 'POST', '/search/cases', { caseCode: 'SD\u0000' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) as unknown,
    });
    const next = await staffCall(app, cookie, 'POST', '/search/cases', { caseCode: 'SD-2026' });
    expect(next.status).toBe(200);
  });
});
