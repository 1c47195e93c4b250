import { generateSync } from 'otplib';
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
import { decryptField } from '../../../src/modules/crypto/field-cipher';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';
import { ERASED_NOTE } from '../../../src/modules/retention/retention.service';
import { insertUnit, seedOrganisations } from '../../fixtures/referrals-world';
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

describe('retention of a case referred to partners', () => {
  it("anonymises it instead of deleting it: the partners' record stays, nothing personal does", async () => {
    const referred = await createCaseWithPerson(app, counsellor);
    await seedOrganisations(stores);
    const unit = await insertUnit(stores);
    const sql = stores.database.sql;
    const [referral] = await sql<Array<{ id: string }>>`
      insert into referrals (case_id, person_id, requested_by, needs, priority, subject,
        danger_override, override_justification_enc, status)
      values (${referred.caseId}, ${referred.personId}, gen_random_uuid(), '{shelter}', 'urgent',
        ${JSON.stringify({ sex: 'female', age: 16, isChild: true, nationality: 'LA', provinceCode: 'VT', exploitationForms: [], languages: ['lo'] })}::jsonb,
        true, 'v1.k1.justification', 'dispatched')
      returning id`;
    const [ticket] = await sql<Array<{ id: string }>>`
      insert into tickets (referral_id, unit_id, organisation_key, case_id, needs, priority, state)
      values (${referral?.id as string}, ${unit.id}, 'lwu-cwpc', ${referred.caseId}, '{shelter}',
        'urgent', 'completed')
      returning id`;
    const [event] = await sql<Array<{ id: number }>>`
      insert into ticket_events (ticket_id, type, to_state, actor_kind, data, note_enc)
      values (${ticket?.id as string}, 'note', 'completed', 'partner', '{}', 'v1.k1.partner-note')
      returning id`;
    await sql`update cases set status = 'closed_referred', closed_at = now() - interval '400 days'
      where id = ${referred.caseId}`;
    await sql`update people set updated_at = now() - interval '400 days'
      where id = ${referred.personId}`;
    for (const type of ['case', 'person'] as const)
      await staffCall(app, admin, 'PUT', `/admin/retention/${type}`, { retainDays: 365 });

    // Before: this case made the whole run fail (its referral kept it from being deleted).
    expect((await staffCall(app, admin, 'POST', '/admin/retention/run')).status).toBe(202);
    await expect.poll(() => exists('people', referred.personId), { timeout: 15_000 }).toBe(false);

    const [kept] = await sql`select code, summary_enc, anonymised_at from cases
      where id = ${referred.caseId}`;
    expect(kept?.code).toMatch(/^SD-/);
    expect(kept?.summary_enc).toBeNull();
    expect(kept?.anonymised_at).not.toBeNull();
    expect(await exists('contacts', referred.contactId)).toBe(false);
    const [trail] = await sql`select r.person_id, r.override_justification_enc, r.subject,
        t.state, e.note_enc
      from referrals r join tickets t on t.referral_id = r.id join ticket_events e on e.ticket_id = t.id
      where r.id = ${referral?.id as string}`;
    expect(trail).toMatchObject({
      person_id: null,
      override_justification_enc: null,
      state: 'completed',
      subject: { sex: 'female', age: null, isChild: true, nationality: 'LA' },
    });
    const note = decryptField(
      keyringFromConfig(stores.config),
      { table: 'ticket_events', column: 'note_enc', rowId: String(event?.id) },
      String(trail?.note_enc),
    );
    expect(note).toBe(ERASED_NOTE);
    const [audit] = await sql`
      select data from audit_log where action = 'retention.deleted' order by seq desc limit 1`;
    expect(audit?.data.anonymisedCases).toEqual([referred.caseId]);
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
    // A new counsellor enrols her second factor at the first sign-in, like every role.
    const first = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'new.counsellor', password: 'a long enough password' },
    });
    expect(first.json()).toMatchObject({ status: 'totp_required' });
    const login = await app.inject({
      method: 'POST',
      url: '/auth/totp',
      payload: {
        challenge: first.json().challenge,
        code: generateSync({ secret: first.json().enrolment.secret }),
      },
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
