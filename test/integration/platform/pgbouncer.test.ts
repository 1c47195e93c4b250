import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type TDatabaseHandle } from '../../../src/infra/database';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';
import { createStaff, loginAs } from '../../fixtures/staff';
import { startPgBouncer, type TPgBouncer } from '../../support/pgbouncer';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

let stores: TTestStores;
let bouncer: TPgBouncer;
let pooled: TDatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  stores = await createTestStores({ DATABASE_POOLER: 'transaction' });
  bouncer = await startPgBouncer(stores.config.DATABASE_URL ?? '', 2);
  // Ten client connections over two server connections: nothing may rely on staying on one.
  pooled = openDatabase(bouncer.url, { max: 10, pooler: 'transaction' });
  ({ app } = await buildTestApp({ ...stores, database: pooled }));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await pooled?.close();
  await bouncer?.stop();
  await stores?.cleanup();
});

describe('through a real PgBouncer in transaction mode', () => {
  it('signs in, records cases, people and consent, and reads them back, many at once', async () => {
    const cookie = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createCaseWithPerson(app, cookie, {
          name: `ນາງ ທົດສອບ ${i}`,
          phone: `+856 20 5555 ${1000 + i}`,
        }),
      ),
    );
    const consents = await Promise.all(
      made.map((r) =>
        staffCall(app, cookie, 'POST', `/people/${r.personId}/consents`, {
          scope: 'follow_up_contact',
          granted: true,
          givenBy: 'self',
          method: 'verbal_phone',
        }),
      ),
    );
    expect(consents.map((c) => c.status)).toEqual(Array(8).fill(201));
    const read = await Promise.all(
      made.map((r) => staffCall(app, cookie, 'GET', `/cases/${r.caseId}`)),
    );
    expect(read.map((r) => r.status)).toEqual(Array(8).fill(200));
    // Encrypted fields decrypt, and the audit trail (one chain, written in transactions) holds.
    const people = await Promise.all(
      made.map((r) => staffCall(app, cookie, 'GET', `/people/${r.personId}`)),
    );
    expect(people.map((p) => p.body.fullName).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `ນາງ ທົດສອບ ${i}`).sort(),
    );
  }, 120_000);
});
