import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Emitter } from '@socket.io/redis-emitter';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';
import { openRedis } from '../../../src/infra/redis';
import { JobQueues } from '../../../src/jobs/job-queues';
import { retentionJob } from '../../../src/jobs/retention.job';
import { retentionProcessor } from '../../../workers/processors/retention.processor';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';

let stores: TTestStores;
let app: FastifyInstance;
let workers: TRunningWorkers;
let queues: JobQueues;
let counsellor: string;
let supervisor: string;
let admin: string;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  const url = stores.config.REDIS_URL as string;
  queues = new JobQueues(openRedis(url, 'worker'), stores.config.REDIS_PREFIX);
  workers = startWorkers({
    contracts: [retentionJob],
    processors: { [retentionJob.name]: retentionProcessor },
    connection: openRedis(url, 'worker'),
    deps: {
      config: stores.config,
      db: stores.database.db,
      sql: stores.database.sql,
      redis: stores.redis,
      queues,
      emitter: new Emitter(stores.redis, { key: `${stores.config.REDIS_PREFIX}:io` }),
    },
  });
  counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  supervisor = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
  admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
});
afterAll(async () => {
  await workers.close();
  await queues.close();
  await app.close();
  await stores.cleanup();
});

const exists = async (table: 'cases' | 'people' | 'contacts', id: string) =>
  (await stores.database.sql`select 1 from ${stores.database.sql(table)} where id = ${id}`)
    .length === 1;

describe('retention', () => {
  it('deletes closed cases past their period through the scheduled job, but never one on legal hold', async () => {
    const old = await createCaseWithPerson(app, counsellor);
    const held = await createCaseWithPerson(app, counsellor);
    const open = await createCaseWithPerson(app, counsellor);
    for (const id of [old.caseId, held.caseId]) {
      await stores.database.sql`
        update cases set status = 'closed', closed_at = now() - interval '40 days' where id = ${id}`;
    }
    const hold = await staffCall(app, supervisor, 'PUT', `/cases/${held.caseId}/legal-hold`, {
      legalHold: true,
    });
    expect(hold.body.legalHold).toBe(true);
    for (const [type, days] of [
      ['case', 30],
      ['person', 30],
    ] as const) {
      const res = await staffCall(app, admin, 'PUT', `/admin/retention/${type}`, {
        retainDays: days,
      });
      expect(res.body).toMatchObject({ recordType: type, retainDays: days });
    }
    await stores.database.sql`update people set updated_at = now() - interval '40 days'`;
    const run = await staffCall(app, admin, 'POST', '/admin/retention/run');
    expect(run.status).toBe(202);
    await expect.poll(() => exists('cases', old.caseId), { timeout: 15_000 }).toBe(false);
    await expect.poll(() => exists('people', old.personId), { timeout: 15_000 }).toBe(false);
    expect(await exists('contacts', old.contactId)).toBe(false);
    expect(await exists('cases', held.caseId)).toBe(true);
    expect(await exists('people', held.personId)).toBe(true);
    expect(await exists('cases', open.caseId)).toBe(true);
    const [audit] = await stores.database.sql`
      select data from audit_log where action = 'retention.deleted' order by seq desc limit 1`;
    expect(audit?.data.cases).toEqual([old.caseId]);
  });
});

describe('staff accounts', () => {
  it('signs a user out everywhere the moment an administrator disables them', async () => {
    const created = await staffCall(app, admin, 'POST', '/users', {
      username: 'new.counsellor',
      displayName: 'New Counsellor',
      role: 'counsellor',
      password: 'a long enough password',
      hotlines: ['1362'],
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    const login = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'new.counsellor', password: 'a long enough password' },
    });
    const cookie = `sid=${login.cookies.find((c) => c.name === 'sid')?.value}`;
    expect((await staffCall(app, cookie, 'POST', '/search/cases', {})).status).toBe(200);
    const disabled = await staffCall(app, admin, 'PATCH', `/users/${created.body.id}`, {
      disabled: true,
    });
    expect(disabled.body.disabledAt).not.toBeNull();
    expect((await staffCall(app, cookie, 'POST', '/search/cases', {})).status).toBe(401);
  });

  it('shows a supervisor the staff of their own hotlines only', async () => {
    const mine = await createStaff(stores, { role: 'counsellor', hotlines: ['1362'] });
    const theirs = await createStaff(stores, { role: 'counsellor', hotlines: ['1554'] });
    const list = await staffCall(app, supervisor, 'GET', '/users');
    const ids = (list.body as unknown as Array<{ id: string }>).map((u) => u.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const all = await staffCall(app, admin, 'GET', '/users');
    expect((all.body as unknown as Array<{ id: string }>).map((u) => u.id)).toContain(theirs.id);
  });

  it('requires TOTP for a new supervisor whatever the request says', async () => {
    const created = await staffCall(app, admin, 'POST', '/users', {
      username: 'new.supervisor',
      displayName: 'New Supervisor',
      role: 'supervisor',
      password: 'a long enough password',
    });
    expect(created.body).toMatchObject({ totpRequired: true, totpEnrolled: false });
  });
});
