import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

let stores: TTestStores;
let app: FastifyInstance;
let admin: string;

beforeAll(async () => {
  stores = await createTestStores();
  await createHotline(stores.database.db);
  await createHotline(stores.database.db, { number: '1554', phoneNumber: '+85621155400' });
  ({ app } = await buildTestApp(stores));
  admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

describe('edits that change nothing', () => {
  it('answers PATCH /api/staff/users/:id with {} as a 400, not a 500', async () => {
    const user = await createStaff(stores, { role: 'counsellor' });
    for (const payload of [{}, { resetTotp: false }]) {
      const res = await staffCall(app, admin, 'PATCH', `/users/${user.id}`, payload);
      expect(res.status).toBe(400);
      expect((res.body.error as { code: string }).code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('a case out of reach looks exactly like a case that does not exist', () => {
  it('gives one code on the case, its notes, timeline, contacts, people and referrals', async () => {
    const other = await loginAs(
      app,
      await createStaff(stores, { role: 'counsellor', hotlines: ['1554'] }),
    );
    const { caseId } = await createCaseWithPerson(app, other, { hotline: '1554' });
    const counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
    const missing = randomUUID();
    const reads = (id: string) =>
      [
        ['GET', `/cases/${id}`],
        ['GET', `/cases/${id}/notes`],
        ['GET', `/cases/${id}/timeline`],
        ['GET', `/cases/${id}/contacts`],
        ['GET', `/referrals?caseId=${id}`],
        ['POST', `/cases/${id}/notes`, { body: 'a note' }],
        ['POST', `/cases/${id}/people`, { role: 'victim', sex: 'female' }],
      ] as const;
    const answer = async (id: string) =>
      Promise.all(
        reads(id).map(async ([method, url, payload]) => {
          const res = await staffCall(app, counsellor, method, url, payload);
          return `${method} ${url.replace(id, ':id')} ${res.status} ${(res.body.error as { code?: string } | undefined)?.code}`;
        }),
      );
    const outOfScope = await answer(caseId);
    expect(outOfScope).toEqual(await answer(missing));
    expect(outOfScope.every((line) => line.endsWith('404 CASE_NOT_FOUND'))).toBe(true);
  });
});

describe('codes are codes, never text a spreadsheet would run', () => {
  it('refuses =HYPERLINK(…) as a category, province, language or organisation with a 400', async () => {
    const formula = '=HYPERLINK("https://attacker.example","open")';
    const counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
    const cases = await Promise.all([
      staffCall(app, counsellor, 'POST', '/cases', { hotline: '1362', categoryCode: formula }),
      staffCall(app, counsellor, 'POST', '/cases', { hotline: '1362', provinceCode: 'Vientiane' }),
      // Shaped like a province code, but no Lao province has it.
      staffCall(app, counsellor, 'POST', '/cases', { hotline: '1362', provinceCode: 'LA-ZZ' }),
      staffCall(app, admin, 'POST', '/users', {
        username: 'formula-user',
        displayName: 'Formula',
        role: 'counsellor',
        password: 'a long enough password',
        languages: [formula],
      }),
      staffCall(app, admin, 'POST', '/users', {
        username: 'formula-org',
        displayName: 'Formula',
        role: 'partner_agent',
        password: 'a long enough password',
        organisationKey: '+cmd|calc',
      }),
    ]);
    expect(cases.map((c) => c.status)).toEqual([400, 400, 400, 400, 400]);
    const good = await staffCall(app, counsellor, 'POST', '/cases', {
      hotline: '1362',
      categoryCode: 'trafficking',
      provinceCode: 'LA-VT',
    });
    expect(good.status).toBe(201);
  });
});
