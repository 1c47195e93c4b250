import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs, type TTestStaff } from '../../fixtures/staff';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';
import { parseConfig } from '../../../src/config/config';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';
import { rotateEncryptedValues } from '../../../src/modules/crypto/key-rotation.service';

let stores: TTestStores;
let oldApp: FastifyInstance;
let newApp: FastifyInstance;
let counsellor: TTestStaff;

// Two app instances on one database: before and after the new key is deployed.
beforeAll(async () => {
  stores = await createTestStores();
  ({ app: oldApp } = await buildTestApp(stores));
  const rotated = parseConfig({
    ...Object.fromEntries(Object.entries(stores.config).map(([k, v]) => [k, String(v)])),
    ENCRYPTION_KEYS: `${stores.config.ENCRYPTION_KEYS},k2:${randomBytes(32).toString('base64')}`,
  });
  ({ app: newApp } = await buildTestApp({ ...stores, config: rotated }));
  counsellor = await createStaff(stores, { role: 'counsellor' });
});
afterAll(async () => {
  await oldApp.close();
  await newApp.close();
  await stores.cleanup();
});

describe('key rotation', () => {
  it('re-encrypts everything on the new key while edits keep arriving, losing nothing', async () => {
    const oldCookie = await loginAs(oldApp, counsellor);
    const made = [];
    for (let i = 0; i < 15; i++) {
      made.push(
        await createCaseWithPerson(oldApp, oldCookie, {
          summary: `summary ${i}`,
          name: `Name ${i}`,
        }),
      );
    }
    const newCookie = await loginAs(newApp, counsellor);
    const ring = keyringFromConfig(newApp.deps.config);
    // Counsellors keep editing summaries through the new-key node while the rotation runs.
    const edits = made.map(async (c, i) => {
      if (i % 3 !== 0) return;
      const res = await staffCall(newApp, newCookie, 'PATCH', `/cases/${c.caseId}`, {
        version: c.version,
        summary: `edited ${i}`,
      });
      expect(res.status).toBe(200);
    });
    const [result] = await Promise.all([
      rotateEncryptedValues(stores.database.sql, ring, { batchSize: 4 }),
      ...edits,
    ]);
    expect(result.unreadable).toBe(0);
    const again = await rotateEncryptedValues(stores.database.sql, ring);
    expect(again.remaining).toBe(0);
    const [left] = await stores.database.sql`
      select count(*)::int as n from people where full_name_enc not like 'v1.k2.%'`;
    expect(left?.n).toBe(0);
    for (const [i, c] of made.entries()) {
      const view = await staffCall(newApp, newCookie, 'GET', `/cases/${c.caseId}`);
      expect(view.body.summary).toBe(i % 3 === 0 ? `edited ${i}` : `summary ${i}`);
      const person = await staffCall(newApp, newCookie, 'GET', `/people/${c.personId}`);
      expect(person.body.fullName).toBe(`Name ${i}`);
    }
    // The old node's keyring no longer reads rotated values: that is what rotation is for.
    const stale = await staffCall(oldApp, oldCookie, 'GET', `/people/${made[1]?.personId}`);
    expect(stale.status).toBe(500);
  });

  it('refuses a ciphertext copied from another row', async () => {
    const cookie = await loginAs(newApp, counsellor);
    const a = await createCaseWithPerson(newApp, cookie, { name: 'Alpha Person' });
    const b = await createCaseWithPerson(newApp, cookie, { name: 'Bravo Person' });
    await stores.database.sql`
      update people set full_name_enc = (select full_name_enc from people where id = ${a.personId})
      where id = ${b.personId}`;
    const res = await staffCall(newApp, cookie, 'GET', `/people/${b.personId}`);
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res.body)).not.toContain('Alpha');
  });
});
