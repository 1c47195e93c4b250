import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';
import { recordAudit, verifyAuditChain } from '../../../src/modules/audit/audit.repository';
import { sealAuditLog } from '../../../src/modules/audit/audit-sealer';

let stores: TTestStores;
let app: FastifyInstance;
let counsellor: string;
let admin: string;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

/**
 * Someone with the database owner's powers editing rows behind the application: triggers are
 * switched off for the transaction, so only the chain can tell.
 */
function tamper(sql: TTestStores['database']['sql'], statement: string) {
  return sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await tx.unsafe(statement);
  });
}

function runVerifyCommand() {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: stores.config.DATABASE_URL,
      ENCRYPTION_KEYS: stores.config.ENCRYPTION_KEYS,
      HMAC_KEY: stores.config.HMAC_KEY,
      TWILIO_ACCOUNT_SID: stores.config.TWILIO_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: stores.config.TWILIO_AUTH_TOKEN,
    },
    encoding: 'utf8',
  });
}

describe('audit log', () => {
  it('writes a row for each change and for each read of a case or person', async () => {
    const { caseId, personId } = await createCaseWithPerson(app, counsellor);
    await staffCall(app, counsellor, 'GET', `/cases/${caseId}`);
    await staffCall(app, counsellor, 'GET', `/people/${personId}`);
    const rows = await stores.database.sql<Array<{ action: string }>>`
      select action from audit_log where entity_id in (${caseId}, ${personId}) order by seq`;
    expect(rows.map((r) => r.action)).toEqual([
      'case.created',
      'person.created',
      'case.viewed',
      'person.viewed',
    ]);
  });

  it('leaves no audit row and no change when the change fails', async () => {
    const { caseId, version } = await createCaseWithPerson(app, counsellor);
    const before = await stores.database.sql`select count(*)::int as n from audit_log`;
    const res = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/status`, {
      status: 'follow_up',
      version,
    });
    expect(res.status).toBe(409);
    const after = await stores.database.sql`select count(*)::int as n from audit_log`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('keeps the chain intact under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 10 }, () => createCaseWithPerson(app, counsellor)));
    const before = await verifyAuditChain(stores.database.db, stores.config);
    expect(before.unsealed.rows).toBeGreaterThan(30);
    await sealAuditLog(stores.database.db, stores.config);
    const result = await verifyAuditChain(stores.database.db, stores.config);
    expect(result.firstBreak).toBeNull();
    expect(result.rows).toBeGreaterThan(30);
    expect(result.unsealed).toEqual({ rows: 0, oldestAt: null });
    const verify = await staffCall(app, admin, 'GET', '/admin/audit/verify');
    // The administrator also sees the tail still waiting for the sealer.
    expect(verify.body).toMatchObject({ intact: true, unsealed: { rows: expect.any(Number) } });
    expect(runVerifyCommand().status).toBe(0);
  });

  it('seals a row that commits after rows written later were already sealed', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let inserted = () => {};
    const written = new Promise<void>((r) => (inserted = r));
    const entry = (entityId: string) => ({
      actorId: null,
      action: 'records.searched' as const,
      entityType: 'test',
      entityId,
    });
    // The slow transaction draws its seq first but commits last.
    const slow = stores.database.db.transaction(async (tx) => {
      await recordAudit(tx, stores.config, entry('slow'));
      inserted();
      await held;
    });
    await written;
    await stores.database.db.transaction((tx) => recordAudit(tx, stores.config, entry('fast')));
    await sealAuditLog(stores.database.db, stores.config);
    release();
    await slow;
    expect((await verifyAuditChain(stores.database.db, stores.config)).unsealed.rows).toBe(1);
    await sealAuditLog(stores.database.db, stores.config);
    const result = await verifyAuditChain(stores.database.db, stores.config);
    expect(result).toMatchObject({ firstBreak: null, unsealed: { rows: 0 } });
    const order = await stores.database.sql<Array<{ entity_id: string }>>`
      select entity_id from audit_log where entity_type = 'test' order by chain_pos`;
    expect(order.map((r) => r.entity_id)).toEqual(['fast', 'slow']);
  });

  it('refuses at the database to change or remove an audit row', async () => {
    await sealAuditLog(stores.database.db, stores.config);
    const sql = stores.database.sql;
    const [row] = await sql<Array<{ seq: string }>>`select seq from audit_log limit 1`;
    const refused = { code: '42501' };
    await expect(
      sql`update audit_log set actor_id = gen_random_uuid() where seq = ${row?.seq ?? ''}`,
    ).rejects.toMatchObject(refused);
    await expect(
      sql`update audit_log set hash = 'forged' where seq = ${row?.seq ?? ''}`,
    ).rejects.toMatchObject(refused);
    await expect(sql`delete from audit_log where seq = ${row?.seq ?? ''}`).rejects.toMatchObject(
      refused,
    );
    await expect(sql`truncate audit_log`).rejects.toMatchObject(refused);
    await expect(
      sql`insert into audit_log (at, action, entity_type, entity_id, prev_hash, hash, chain_pos)
          values (now(), 'case.viewed', 'case', 'x', 'genesis', 'forged', 999999)`,
    ).rejects.toMatchObject(refused);
    expect((await verifyAuditChain(stores.database.db, stores.config)).firstBreak).toBeNull();
  });

  it('refuses to change or remove a ticket event, but lets key rotation re-encrypt its note', async () => {
    const sql = stores.database.sql;
    // A bare event row (foreign keys are off for the tamperer's transaction).
    await tamper(
      sql,
      `insert into ticket_events (id, ticket_id, type, actor_kind, note_enc)
       values (424242, gen_random_uuid(), 'note', 'staff', 'v1.k1.old')`,
    );
    const refused = { code: '42501' };
    await expect(
      sql`update ticket_events set type = 'accept' where id = 424242`,
    ).rejects.toMatchObject(refused);
    await expect(
      sql`update ticket_events set note_enc = null where id = 424242`,
    ).rejects.toMatchObject(refused);
    await expect(sql`delete from ticket_events where id = 424242`).rejects.toMatchObject(refused);
    await expect(sql`truncate ticket_events cascade`).rejects.toMatchObject(refused);
    const rotated = await sql`update ticket_events set note_enc = 'v1.k2.new' where id = 424242`;
    expect(rotated.count).toBe(1);
  });

  it('detects an edited row, and the verify command fails', async () => {
    const [victim] = await stores.database.sql<Array<{ seq: number }>>`
      select seq from audit_log where action = 'case.viewed' order by seq limit 1`;
    const seq = Number(victim?.seq);
    await tamper(
      stores.database.sql,
      `update audit_log set actor_id = gen_random_uuid() where seq = ${seq}`,
    );
    const result = await verifyAuditChain(stores.database.db, stores.config);
    expect(result.firstBreak).toEqual({ seq, reason: 'hash_mismatch' });
    const command = runVerifyCommand();
    expect(command.status).toBe(1);
    expect(command.stderr).toContain(`seq ${seq}`);
  });

  it('detects a deleted row', async () => {
    const fresh = await createTestStores();
    const { app: other } = await buildTestApp(fresh);
    const cookie = await loginAs(other, await createStaff(fresh, { role: 'counsellor' }));
    await createCaseWithPerson(other, cookie);
    await sealAuditLog(fresh.database.db, fresh.config);
    await tamper(fresh.database.sql, `delete from audit_log where seq = 2`);
    expect((await verifyAuditChain(fresh.database.db, fresh.config)).firstBreak).toEqual({
      seq: 3,
      reason: 'prev_hash_mismatch',
    });
    await other.close();
    await fresh.cleanup();
  });
});
