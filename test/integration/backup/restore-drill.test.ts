import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { calls } from '../../../db/schema/calls';
import { people } from '../../../db/schema/people';
import { referrals } from '../../../db/schema/referrals';
import { tickets } from '../../../db/schema/tickets';
import { openDatabase, type TDatabaseHandle } from '../../../src/infra/database';
import { openRedis } from '../../../src/infra/redis';
import { jobContracts } from '../../../src/jobs/index';
import { JobQueues } from '../../../src/jobs/job-queues';
import { verifyAuditChain } from '../../../src/modules/audit/audit.repository';
import { sealAuditLog } from '../../../src/modules/audit/audit-sealer';
import { BackupCorruptError, BackupKeyError } from '../../../src/modules/backup/backup-cipher';
import { writeBackup } from '../../../src/modules/backup/backup-archive';
import { restoreBackup, RestoreRefusedError } from '../../../src/modules/backup/backup-restore';
import { reconcileAfterRestore } from '../../../src/modules/backup/restore-reconcile.service';
import { decryptField } from '../../../src/modules/crypto/field-cipher';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';
import { processors } from '../../../workers/processors/index';
import { startWorkers } from '../../../workers/start-workers';
import { withDatabase } from '../../support/database-url';
import { testConfig } from '../../support/test-config';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  storeReferral,
  webhookReceiver,
  workerDepsFor,
} from '../../fixtures/referrals-world';

// The restore drill: records and referrals written, a backup, the database destroyed (and with
// it everything Redis held for it), a restore into a new database. What comes back must be
// whole: same rows, an audit chain that verifies, records that decrypt, and every referral that
// was waiting delivered once — neither lost with Redis nor sent twice.
let stores: TTestStores;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
const dir = mkdtempSync(join(tmpdir(), 'saiduan-backup-'));
const key = randomBytes(32);
const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
const restoredName = `r_${randomBytes(6).toString('hex')}`;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  stores = await createTestStores({ REFERRAL_RETRY_BASE_MS: '100' });
  await seedOrganisations(stores);
  let secret = '';
  receiver = await webhookReceiver(() => secret);
  const unit = await insertUnit(stores, { webhookUrl: receiver.url, usesSystem: false });
  secret = unit.secret;
  await insertRule(stores, { need: 'shelter', unitId: unit.id });
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  await receiver.close();
  await stores.cleanup();
  await admin.unsafe(`drop database if exists ${restoredName} with (force)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

async function countRows(sql: postgres.Sql): Promise<Record<string, number>> {
  const tables = await sql<Array<{ name: string }>>`
    select tablename as name from pg_tables where schemaname = 'public' order by 1`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await sql.unsafe<Array<{ n: number }>>(
      `select count(*)::int as n from "${name}"`,
    );
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

describe('restore drill', () => {
  it('brings back every row, a verifying audit chain, readable records and each waiting referral once', async () => {
    // Referrals stored while no worker runs: they wait in the outbox and as BullMQ jobs in Redis.
    const producer = new JobQueues(
      openRedis(stores.config.REDIS_URL as string),
      stores.config.REDIS_PREFIX,
    );
    cleanups.push(() => producer.close());
    const pending: string[] = [];
    let personId = '';
    for (let i = 0; i < 3; i++) {
      const person = await insertCaseWithPerson(stores, { name: `Drill person ${i}` });
      personId = person.personId;
      const r = await storeReferral(stores, producer, { ...person, needs: ['shelter'] });
      pending.push(r.referralId);
    }
    // requestReferral audits each referral: the chain has rows to verify.
    await sealAuditLog(stores.database.db, stores.config);
    // A caller on the line when the backup is taken.
    await stores.database.db.insert(calls).values({
      callSid: `CA${randomBytes(16).toString('hex')}`,
      hotline: '1362',
      status: 'in-progress',
    });
    const before = await countRows(stores.database.sql);
    const sealedBefore = await verifyAuditChain(stores.database.db, stores.config);
    expect(sealedBefore.rows).toBeGreaterThan(0);

    const file = join(dir, 'drill.saiduan-backup');
    const written = await writeBackup({
      databaseUrl: stores.config.DATABASE_URL as string,
      file,
      key,
    });
    expect(written.rows.people).toBe(before.people);
    expect(readFileSync(file).includes(Buffer.from('Drill person'))).toBe(false);

    // Disaster: the database is gone, and so is every job Redis held for it.
    const sourceName = new URL(stores.config.DATABASE_URL as string).pathname.slice(1);
    await stores.database.close();
    await admin.unsafe(`drop database ${sourceName} with (force)`);
    const flush = openRedis(stores.config.REDIS_URL as string, 'worker');
    const keys = await flush.keys(`${stores.config.REDIS_PREFIX}*`);
    if (keys.length) await flush.del(...keys);
    flush.disconnect();

    await admin.unsafe(`create database ${restoredName}`);
    const restoredUrl = withDatabase(inject('adminDatabaseUrl'), restoredName);
    const restored = await restoreBackup({ databaseUrl: restoredUrl, file, key });
    expect(restored.rows).toEqual(written.rows);

    const config = testConfig({
      DATABASE_URL: restoredUrl,
      REDIS_URL: stores.config.REDIS_URL as string,
      REDIS_PREFIX: stores.config.REDIS_PREFIX,
      ENCRYPTION_KEYS: stores.config.ENCRYPTION_KEYS,
      HMAC_KEY: stores.config.HMAC_KEY,
      REFERRAL_RETRY_BASE_MS: '100',
    });
    const database: TDatabaseHandle = openDatabase(restoredUrl, { max: 5 });
    cleanups.push(() => database.close());
    expect(await countRows(database.sql)).toEqual(before);
    const chain = await verifyAuditChain(database.db, config);
    expect(chain.firstBreak).toBeNull();
    expect(chain.rows).toBe(sealedBefore.rows);
    const [person] = await database.db.select().from(people).where(eq(people.id, personId));
    expect(
      decryptField(
        keyringFromConfig(config),
        { table: 'people', column: 'full_name_enc', rowId: personId },
        person?.fullNameEnc as string,
      ),
    ).toBe('Drill person 2');

    // A second restore into the now full database is refused, not mixed in.
    await expect(restoreBackup({ databaseUrl: restoredUrl, file, key })).rejects.toThrow(
      RestoreRefusedError,
    );

    const deps = workerDepsFor({ config, database }, config.REDIS_URL as string);
    cleanups.push(async () => {
      await deps.queues.close();
      deps.redis.disconnect();
    });
    const summary = await reconcileAfterRestore(deps);
    expect(summary).toMatchObject({ callsEnded: 1, referralsQueued: 3 });
    const [call] = await database.db.select().from(calls);
    expect(call?.status).toBe('completed');
    expect(call?.endedAt).not.toBeNull();
    // Run it again (a second `npm run restore` summary, a reconciler tick): nothing doubles.
    expect((await reconcileAfterRestore(deps)).referralsQueued).toBe(0);

    const workerRedis = openRedis(config.REDIS_URL as string, 'worker');
    const running = startWorkers({
      contracts: jobContracts,
      processors,
      connection: workerRedis,
      deps,
    });
    cleanups.push(() => running.close());
    await expect
      .poll(
        async () =>
          (await database.db.select().from(tickets).where(inArray(tickets.referralId, pending)))
            .length,
        { timeout: 30_000, interval: 300 },
      )
      .toBe(3);
    await expect
      .poll(() => new Set(receiver.received.map((r) => r.idempotencyKey)).size, { timeout: 15_000 })
      .toBe(3);
    await running.close();
    expect(receiver.received).toHaveLength(3);
    const statuses = await database.db
      .select({ s: referrals.status })
      .from(referrals)
      .where(inArray(referrals.id, pending));
    expect(statuses.map((r) => r.s)).toEqual(['dispatched', 'dispatched', 'dispatched']);
  });

  it('refuses a backup read with another key, and one altered on disk, naming which', async () => {
    const file = join(dir, 'small.saiduan-backup');
    const source = await createTestStores();
    cleanups.push(() => source.cleanup());
    await writeBackup({ databaseUrl: source.config.DATABASE_URL as string, file, key });
    const target = `r_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await admin.unsafe(`create database ${target}`);
    cleanups.push(() => admin.unsafe(`drop database if exists ${target} with (force)`));
    const url = withDatabase(inject('adminDatabaseUrl'), target);
    await expect(restoreBackup({ databaseUrl: url, file, key: randomBytes(32) })).rejects.toThrow(
      BackupKeyError,
    );
    const bytes = readFileSync(file);
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 1;
    const altered = join(dir, 'altered.saiduan-backup');
    writeFileSync(altered, bytes);
    await admin.unsafe(`drop database ${target} with (force)`);
    await admin.unsafe(`create database ${target}`);
    await expect(restoreBackup({ databaseUrl: url, file: altered, key })).rejects.toThrow(
      BackupCorruptError,
    );
    // Whole or nothing: the failed restore left no rows behind.
    const check = postgres(url, { max: 1, onnotice: () => {} });
    const [row] = await check<Array<{ n: number }>>`select count(*)::int as n from staff_users`;
    await check.end();
    expect(row?.n).toBe(0);
  });
});
