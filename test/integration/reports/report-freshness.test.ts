import ExcelJS from 'exceljs';
import { Emitter } from '@socket.io/redis-emitter';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedis } from '../../../src/infra/redis';
import { JobQueues } from '../../../src/jobs/job-queues';
import { reportRefreshJob } from '../../../src/jobs/report-refresh.job';
import { refreshReportAggregates } from '../../../src/modules/reports/report-aggregates.repository';
import type { TReport, TReportFreshness } from '../../../src/modules/reports/report-table.types';
import { reportRefreshProcessor } from '../../../workers/processors/report-refresh.processor';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';
import { insertKnownRecords } from '../../fixtures/reports-records';
import { createStaff, loginAs } from '../../fixtures/staff';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;
let ids: Map<string, string>;
let statistician = '';
let statisticianId = '';
let counsellor = '';
let workers: TRunningWorkers | null = null;
let queues: JobQueues;

const YEAR = '/api/staff/reports/national?period=year&year=2025';
const get = (cookie: string, url: string) =>
  app.inject({ method: 'GET', url, headers: { cookie } });
const report = async (url = YEAR) =>
  (await get(statistician, url)).json() as TReport & {
    freshness: TReportFreshness;
  };
const identified = (r: TReport) =>
  r.tables.find((t) => t.key === 'summary')?.rows.find((row) => row.key === 'identified')?.cells[0];
const freshness = async (kind = 'national') =>
  (await get(statistician, `/api/staff/reports/freshness?kind=${kind}`)).json() as TReportFreshness;
const watermark = async () =>
  (
    await stores.database.sql<Array<{ at: string }>>`
      select to_char(watermark at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
      from report_refresh_state where key = 'national'`
  )[0]?.at;

/** The worker process's refresh job, on the queue the API adds to. */
function startRefreshWorker(): TRunningWorkers {
  const url = stores.config.REDIS_URL as string;
  return startWorkers({
    contracts: [reportRefreshJob],
    processors: { [reportRefreshJob.name]: reportRefreshProcessor },
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
}

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  queues = new JobQueues(
    openRedis(stores.config.REDIS_URL as string, 'worker'),
    stores.config.REDIS_PREFIX,
  );
  ids = await insertKnownRecords(stores.database.sql);
  const staff = await createStaff(stores, { role: 'statistician', hotlines: [] });
  statisticianId = staff.id;
  statistician = await loginAs(app, staff);
  counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  await refreshReportAggregates(stores.database.sql, { full: true, wait: true });
});
afterAll(async () => {
  await workers?.close();
  await queues.close();
  await app.close();
  await stores.cleanup();
});

describe('report figures served from the last refresh, as of its time', () => {
  it('answers from the previous aggregates with "as of" and the updating flag, until the worker takes the edits in', async () => {
    const sql = stores.database.sql;
    const asOf = await watermark();
    const first = await report();
    expect(first.freshness).toEqual({ asOf, updating: false });
    expect(identified(first)).toBe(7);

    // P9 becomes identified in 2025: the request does not refresh, it says the figures lag.
    await sql`update people set victim_status = 'identified', identification_date = '2025-08-01',
      updated_at = now() where id = ${ids.get('P9') ?? ''}`;
    const stale = await report();
    expect(identified(stale)).toBe(7);
    expect(stale.freshness).toEqual({ asOf, updating: true });
    expect(await freshness()).toEqual({ asOf, updating: true });
    expect(await watermark()).toBe(asOf);
    // The exported file says so too, in both languages, above the figures.
    const csv = (
      await get(statistician, `${YEAR.replace('national?', 'national/export?')}&format=csv`)
    ).body;
    expect(csv).toContain('Figures as of');
    expect(csv).toContain('ຕົວເລກນັບຮອດ');
    expect(csv).toContain('Records changed after this time are not counted yet');
    const xlsx = await get(
      statistician,
      `${YEAR.replace('national?', 'national/export?')}&format=xlsx&audience=internal`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const notes: string[] = [];
    book.getWorksheet('0 Notes')?.eachRow((row) => notes.push(String(row.getCell(2).value ?? '')));
    expect(notes.some((n) => n.startsWith('Figures as of'))).toBe(true);
    expect(notes.some((n) => n.includes('not counted yet'))).toBe(true);

    // The stale request asked for the debounced refresh: once a worker runs, it is done.
    workers = startRefreshWorker();
    await expect.poll(async () => (await freshness()).updating, { timeout: 60_000 }).toBe(false);
    const fresh = await report();
    expect(identified(fresh)).toBe(8);
    expect(fresh.freshness.updating).toBe(false);
    expect(fresh.freshness.asOf > (asOf ?? '')).toBe(true);
    const csvAfter = (
      await get(statistician, `${YEAR.replace('national?', 'national/export?')}&format=csv`)
    ).body;
    expect(csvAfter).toContain('Figures as of');
    expect(csvAfter).not.toContain('not counted yet');
  });

  it('refreshes now for whoever may, audited, and refuses a counsellor', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/staff/reports/refresh',
      headers: { cookie: counsellor },
      payload: { kind: 'national' },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/staff/reports/refresh',
      headers: { cookie: statistician },
      payload: { kind: 'everything' },
    });
    expect(bad.statusCode).toBe(400);

    const before = (await freshness()).asOf;
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/reports/refresh',
      headers: { cookie: statistician },
      payload: { kind: 'national' },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ freshness: { asOf: before } });
    const [audit] = await stores.database.sql<Array<{ actor_id: string; entity_id: string }>>`
      select actor_id, entity_id from audit_log where action = 'report.refresh_requested'`;
    expect(audit).toEqual({ actor_id: statisticianId, entity_id: 'national' });
    // The worker runs it: the figures' time moves on with nothing left to take in.
    await expect.poll(async () => (await freshness()).asOf, { timeout: 60_000 }).not.toBe(before);
    expect((await freshness()).updating).toBe(false);
  });

  it('says the operations figures lag behind a changed call until the refresh', async () => {
    const sql = stores.database.sql;
    const url = '/api/staff/reports/operations?period=year&year=2025';
    await sql`insert into calls (call_sid, hotline, status, route, started_at)
      values ('CA-fresh-1', '1362', 'completed', 'queued', '2025-06-01T09:00:00+07:00')`;
    expect((await report(url)).freshness.updating).toBe(true);
    await expect
      .poll(async () => (await freshness('operations')).updating, { timeout: 60_000 })
      .toBe(false);
    expect((await report(url)).freshness.updating).toBe(false);
  });
});
