import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runMigrations } from '../../../db/migrate';
import {
  startEmbeddedPostgres,
  type TLocalPostgres,
} from '../../../scripts/local/embedded-postgres';
import { freePort } from '../../../scripts/local/free-port';
import { openDatabase, type TDatabaseHandle, type TSql } from '../../../src/infra/database';
import { openReplica, type TReplica } from '../../../src/infra/read-replica';
import { refreshReportAggregates } from '../../../src/modules/reports/report-aggregates.repository';
import { openRedis, redisReady } from '../../../src/infra/redis';
import type { TReport } from '../../../src/modules/reports/report-table.types';
import { insertKnownRecords } from '../../fixtures/reports-records';
import { createStaff, loginAs } from '../../fixtures/staff';
import { startStreamingReplica } from '../../support/streaming-replica';
import { buildTestApp } from '../../support/test-app';
import { testConfig } from '../../support/test-config';

// A primary and a hot standby of its own, streaming from it: the run's shared Postgres is left alone.
let dir: string;
let primary: TLocalPostgres;
let standby: TLocalPostgres;
let database: TDatabaseHandle;
let replica: TReplica;
let redis: Redis;
let app: FastifyInstance;
let cookie: string;
const prefix = `t${randomBytes(6).toString('hex')}`;
/** What the reader logged each time it read on the primary instead. */
const fallbacks: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saiduan-replica-'));
  chmodSync(dir, 0o755); // the postgres OS user must reach the data folders when we run as root
  primary = await startEmbeddedPostgres({
    dir: join(dir, 'primary'),
    port: await freePort(),
    password: 'test',
    database: 'saiduan',
  });
  const migrating = openDatabase(primary.url, { max: 2 });
  await runMigrations(migrating);
  await migrating.close();
  standby = await startStreamingReplica(primary, {
    dir: join(dir, 'standby'),
    password: 'test',
    database: 'saiduan',
  });

  database = openDatabase(primary.url, { max: 5 });
  replica = openReplica(standby.url, {
    maxLagSeconds: 60,
    log: (fields, message) => fallbacks.push(`${String(fields.replica)}: ${message}`),
  });
  redis = openRedis(inject('redisUrl'));
  redis.on('error', () => {});
  await redisReady(redis);
  const config = testConfig({
    DATABASE_URL: primary.url,
    DATABASE_REPLICA_URL: standby.url,
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: prefix,
  });
  ({ app } = await buildTestApp({ config, database, redis, replica }));
  await insertKnownRecords(database.sql);
  cookie = await loginAs(
    app,
    await createStaff({ config, database }, { role: 'statistician', hotlines: [] }),
  );
}, 180_000);

afterAll(async () => {
  await app?.close();
  await replica?.close();
  await database?.close();
  if (redis) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
  await standby?.stop();
  await primary?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Waits (bounded) until the standby has received (or also replayed) all the primary wrote so far. */
async function standbyHas(what: 'received' | 'replayed'): Promise<void> {
  const [{ lsn }] = (await database.sql`select pg_current_wal_lsn()::text as lsn`) as unknown as [
    { lsn: string },
  ];
  for (let i = 0; i < 600; i++) {
    const [row] =
      what === 'replayed'
        ? await replica.sql`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as done`
        : await replica.sql`select pg_last_wal_receive_lsn() >= ${lsn}::pg_lsn as done`;
    if (row?.done === true) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the standby has not ${what} the primary’s writes`);
}
const replayed = () => standbyHas('replayed');

/** One more identified adult woman of 2025 in the records, written on the primary. */
async function addIdentifiedPerson(sql: TSql): Promise<void> {
  await sql`insert into people (id, hotline, sex, under18_at_identification, nationalities,
      residence_province_code, victim_status, identification_date, exploitation_forms, stage_locations)
    values (${randomUUID()}, '1362', 'female', false, ${sql.array(['LA'], 1009)}, 'LA-VT',
      'identified', '2025-09-09', ${sql.array(['forced_labour'], 1009)}, '[]'::jsonb)`;
}

const identified = async (): Promise<number> => {
  const res = await app.inject({
    method: 'GET',
    url: '/api/staff/reports/national?period=year&year=2025',
    headers: { cookie },
  });
  expect(res.statusCode).toBe(200);
  const report = res.json() as TReport;
  const cells = report.tables
    .find((t) => t.key === 'summary')
    ?.rows.find((r) => r.key === 'identified')?.cells;
  return cells?.[0] as number;
};

describe('reports on a real streaming read replica', () => {
  it('streams the primary’s rows to the standby, and the report screen reads them there', async () => {
    await replayed();
    const [onStandby] = await replica.sql`select pg_is_in_recovery() as standby,
      (select count(*)::int from people) as people`;
    const [onPrimary] = await database.sql`select count(*)::int as people from people`;
    expect(onStandby).toEqual({ standby: true, people: onPrimary?.people });
    expect(await identified()).toBe(7);

    // Proof of where the report reads: with the standby's replay paused, a person recorded on
    // the primary is not in the report (it is on the primary), and is once replay resumes.
    await replica.sql`select pg_wal_replay_pause()`;
    await addIdentifiedPerson(database.sql);
    expect(await identified()).toBe(7);
    await replica.sql`select pg_wal_replay_resume()`;
    await replayed();
    expect(await identified()).toBe(8);
    expect(fallbacks).toEqual([]);
  });

  it('reads on the primary when the standby is further behind than the bound, and logs why', async () => {
    await replica.sql`select pg_wal_replay_pause()`;
    await addIdentifiedPerson(database.sql);
    await standbyHas('received'); // received, not replayed: the standby knows it is behind
    replica.maxLagSeconds = 0; // any replay delay is now beyond the bound
    try {
      expect(await identified()).toBe(9);
    } finally {
      replica.maxLagSeconds = 60;
      await replica.sql`select pg_wal_replay_resume()`;
    }
    expect(fallbacks).toEqual(['lagging: report read on the primary: read replica not used']);
    await replayed();
    fallbacks.length = 0;
  });

  it('writes the export’s audit row on the primary (the standby is read-only)', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/staff/reports/national/export?period=year&year=2025&format=csv&audience=internal',
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2025');
    const audit = await database.sql`select entity_id from audit_log
      where action = 'export.downloaded'`;
    expect(audit.map((a) => a.entity_id)).toEqual(['national']);
    expect(fallbacks).toEqual([]);
  });

  it('reads the yearly aggregates there only once the standby has replayed the last refresh', async () => {
    // Once the aggregates exist, a yearly report reads them as the worker's last refresh (on the
    // primary) left them, with its time: the standby must have replayed that refresh.
    await refreshReportAggregates(database.sql, { full: true, wait: true });
    await addIdentifiedPerson(database.sql);
    await refreshReportAggregates(database.sql, { full: false, wait: true });
    await replayed();
    expect(await identified()).toBe(10);
    expect(fallbacks).toEqual([]);

    // A standby that cannot replay that refresh in time would answer without it: the primary does.
    await replica.sql`select pg_wal_replay_pause()`;
    await addIdentifiedPerson(database.sql);
    await refreshReportAggregates(database.sql, { full: false, wait: true });
    replica.catchUpMs = 100;
    try {
      expect(await identified()).toBe(11);
    } finally {
      replica.catchUpMs = 2_000;
      await replica.sql`select pg_wal_replay_resume()`;
    }
    expect(fallbacks).toEqual([
      'behind_own_writes: report read on the primary: read replica not used',
    ]);
    await replayed();
    fallbacks.length = 0;
  });

  it('keeps answering from the primary when the standby is stopped, without an error to the person', async () => {
    await standby.stop();
    expect(await identified()).toBe(11);
    expect(await identified()).toBe(11);
    expect(fallbacks[0]).toMatch(/^(unreachable|failed): /);
    // After a connection failure the replica is left alone for a while: no wait on every report.
    expect(fallbacks[1]).toBe('down: report read on the primary: read replica not used');
  });
});
