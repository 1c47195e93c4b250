import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReport } from '../../../src/modules/reports/report-table.types';
import { createStaff, loginAs } from '../../fixtures/staff';
import { insertKnownRecords } from '../../fixtures/reports-records';
import { buildTestApp, type TLogCapture } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;
let logs: TLogCapture;
const cookies: Record<'statistician' | 'supervisor1554' | 'counsellor' | 'admin', string> = {
  admin: '',
  statistician: '',
  supervisor1554: '',
  counsellor: '',
};
let statisticianId = '';
let adminId = '';

beforeAll(async () => {
  stores = await createTestStores();
  ({ app, logs } = await buildTestApp(stores));
  await insertKnownRecords(stores.database.sql);
  const statistician = await createStaff(stores, { role: 'statistician', hotlines: [] });
  statisticianId = statistician.id;
  cookies.statistician = await loginAs(app, statistician);
  cookies.supervisor1554 = await loginAs(
    app,
    await createStaff(stores, { role: 'supervisor', hotlines: ['1554'] }),
  );
  cookies.counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  const admin = await createStaff(stores, { role: 'administrator' });
  adminId = admin.id;
  cookies.admin = await loginAs(app, admin);
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

const get = (who: keyof typeof cookies, url: string) =>
  app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });
const rowOf = (report: TReport, table: string, row: string) =>
  report.tables.find((t) => t.key === table)?.rows.find((r) => r.key === row)?.cells;

describe('/api/staff/reports', () => {
  it('gives a statistician the national tables of a year with the count-unit rules', async () => {
    const res = await get('statistician', '/api/staff/reports/national?period=year&year=2025');
    expect(res.statusCode).toBe(200);
    const report = res.json() as TReport;
    expect(report.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(rowOf(report, 'summary', 'identified')).toEqual([7, 4, 4, 2]);
    expect(rowOf(report, 'forms', 'several')).toEqual([2, 2, 0, 0]);
    expect(report.notes.map((n) => n.en).join(' ')).toContain('counted once per row');
    // Which channels make each counselling mode, SMS among the chats.
    expect(report.notes.map((n) => n.en).join(' ')).toContain('channel SMS');
    expect(report.notes.map((n) => n.lo).join(' ')).toContain('SMS');
  });

  it('keeps a supervisor to the figures of their own hotlines', async () => {
    const res = await get(
      'supervisor1554',
      '/api/staff/reports/national?period=year&year=2025&hotline=1362',
    );
    expect(res.statusCode).toBe(200);
    expect(rowOf(res.json() as TReport, 'summary', 'identified')).toEqual([0, 0, 0, 0]);
  });

  it('refuses reports to a counsellor and an incomplete period to anyone', async () => {
    expect(
      (await get('counsellor', '/api/staff/reports/national?period=year&year=2025')).statusCode,
    ).toBe(403);
    expect(
      (await get('counsellor', '/api/staff/reports/national/export?period=year&year=2025'))
        .statusCode,
    ).toBe(403);
    const bad = await get('statistician', '/api/staff/reports/national?period=month&year=2025');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('exports an external CSV with small counts hidden, and audits the download', async () => {
    const res = await get(
      'statistician',
      '/api/staff/reports/national/export?period=year&year=2025&format=csv&audience=external',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(
      'saiduan-national-2025-01-01-2025-12-31-external.csv',
    );
    expect(res.body).toContain('Victims identified,7,4,4,<3');
    const audit = await stores.database.sql<
      Array<{ actor_id: string; entity_id: string; data: { audience: string } }>
    >`
      select actor_id, entity_id, data from audit_log where action = 'export.downloaded'`;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: statisticianId,
      entity_id: 'national',
      data: { audience: 'external' },
    });
  });

  it('exports an internal workbook with every count and one sheet per table', async () => {
    const res = await get(
      'statistician',
      '/api/staff/reports/national/export?period=year&year=2025&format=xlsx&audience=internal',
    );
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets).toHaveLength(1 + 12);
    const summary = book.worksheets[1];
    expect(summary?.getRow(8).values).toEqual([
      undefined,
      'ຜູ້ຖືກເຄາະຮ້າຍທີ່ໄດ້ຮັບການກຳນົດ',
      'Victims identified',
      7,
      4,
      4,
      2,
    ]);
    expect(logs.text()).not.toContain('Victims identified');
  });

  it('lets only an administrator publish an approved table without suppression, audited', async () => {
    const url =
      '/api/staff/reports/national/export?period=year&year=2025&format=csv&audience=published&approved=summary';
    const refused = await get('statistician', url);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const published = await get('admin', url);
    expect(published.statusCode).toBe(200);
    // The approved table shows its small counts; every other table keeps them hidden.
    expect(published.body).toContain('Victims identified,7,4,4,2');
    expect(published.body).toContain('<3');
    expect(published.body).toContain('approved by an administrator');
    const unknown = await get('admin', url.replace('approved=summary', 'approved=no-such-table'));
    expect(unknown.statusCode).toBe(400);
    const audit = await stores.database.sql<
      Array<{ actor_id: string; data: { audience: string; unsuppressedTables: string[] } }>
    >`select actor_id, data from audit_log where action = 'report.published'`;
    expect(audit).toEqual([
      expect.objectContaining({
        actor_id: adminId,
        data: expect.objectContaining({ audience: 'published', unsuppressedTables: ['summary'] }),
      }),
    ]);
  });

  it('exports the de-identified dataset k-anonymous, saying what it withheld, and refuses k below 5', async () => {
    const url = '/api/staff/reports/deidentified/export?period=year&year=2025';
    expect((await get('statistician', `${url}&k=4`)).statusCode).toBe(400);
    // Seven victims identified in 2025: fewer than the default k of 11, so none can be released.
    const strict = await get('statistician', url);
    expect(strict.statusCode).toBe(200);
    expect(strict.body.split('\n')[0]).toContain('k=11;');
    expect(strict.body.split('\n')[0]).toContain('7 rows of combinations rarer than k withheld');
    const five = (await get('statistician', `${url}&k=5`)).body.trim().split('\n');
    expect(five[1]).toBe('year,sex,age,citizenship,exploitationCountry,forms');
    const released = five.slice(2).map((l) => l.split(',').slice(0, 5).join(','));
    const counts = new Map<string, number>();
    for (const c of released) counts.set(c, (counts.get(c) ?? 0) + 1);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(5);
    const withheld = Number(/; (\d+) rows/.exec(five[0] ?? '')?.[1]);
    expect(released.length + withheld).toBe(7);
  });
});
