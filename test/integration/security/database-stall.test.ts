import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type TDatabaseHandle } from '../../../src/infra/database';
import { createCaseWithPerson } from '../../fixtures/records';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

let stores: TTestStores;
const handles: TDatabaseHandle[] = [];
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  stores = await createTestStores({ STAFF_REQUEST_DEADLINE_MS: '1500' });
  await createHotline(stores.database.db);
});
afterAll(async () => {
  for (const app of apps) await app.close();
  for (const h of handles) await h.close();
  await stores?.cleanup();
});

/** The app on its own pool, with the given Postgres time-outs. */
async function appWith(timeouts: { statementTimeoutMs: number; lockTimeoutMs: number }) {
  const database = openDatabase(stores.config.DATABASE_URL as string, { max: 3, ...timeouts });
  handles.push(database);
  const { app } = await buildTestApp({ ...stores, database });
  apps.push(app);
  return app;
}

/** Holds an exclusive lock on the cases table until `release` is called: every read waits. */
async function lockCases() {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  let locked = () => {};
  const isLocked = new Promise<void>((r) => (locked = r));
  const holding = stores.database.sql.begin(async (tx) => {
    await tx`LOCK TABLE cases IN ACCESS EXCLUSIVE MODE`;
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await holding;
  };
}

describe('staff requests while Postgres stalls', () => {
  it('answer 503 with a code the web app shows, instead of hanging, and recover after', async () => {
    const timingOut = await appWith({ statementTimeoutMs: 2000, lockTimeoutMs: 300 });
    const waitingForever = await appWith({ statementTimeoutMs: 60_000, lockTimeoutMs: 60_000 });
    const user = await createStaff(stores, { role: 'counsellor' });
    const [cookieA, cookieB] = [
      await loginAs(timingOut, user),
      await loginAs(waitingForever, user),
    ];
    const { caseId } = await createCaseWithPerson(timingOut, cookieA);
    const read = (app: FastifyInstance, cookie: string) =>
      app.inject({ url: `/api/staff/cases/${caseId}`, headers: { cookie } });

    const unlock = await lockCases();
    const [byTimeout, byDeadline] = await Promise.all([
      read(timingOut, cookieA),
      read(waitingForever, cookieB),
    ]);
    await unlock();

    expect(byTimeout.statusCode).toBe(503);
    expect(byTimeout.json().error.code).toBe('DATABASE_UNAVAILABLE');
    expect(byDeadline.statusCode).toBe(503);
    expect(byDeadline.json().error.code).toBe('STORE_UNAVAILABLE');
    expect((await read(timingOut, cookieA)).statusCode).toBe(200);
  }, 60_000);
});
