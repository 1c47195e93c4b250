import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReport } from '../../../src/modules/reports/report-table.types';
import { insertPersonWithCase } from '../../fixtures/report-events';
import { createStaff, loginAs } from '../../fixtures/staff';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;
let cookie: string;

async function session(
  caseId: string | null,
  day: string,
  channel: string,
  category: string | null,
  contactType = 'crisis',
) {
  await stores.database.sql`insert into contacts (id, case_id, hotline, channel, language,
      caller_type, contact_type, category_code, occurred_at)
    values (${randomUUID()}, ${caseId}, '1362', ${channel}, 'lo', 'self', ${contactType},
      ${category}, ${`${day}T10:00:00+07:00`}::timestamptz)`;
}

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  cookie = await loginAs(app, await createStaff(stores, { role: 'statistician', hotlines: [] }));
  const x = await insertPersonWithCase(stores.database.sql, { victimStatus: 'possible' });
  const y = await insertPersonWithCase(stores.database.sql, { victimStatus: 'possible' });
  // Case X: forced labour talked through four times in three modes, and a second matter.
  await session(x.caseId, '2025-03-01', 'call', 'forced_labour');
  await session(x.caseId, '2025-03-05', 'call', 'forced_labour');
  await session(x.caseId, '2025-03-06', 'call_back', 'sexual_exploitation');
  await session(x.caseId, '2025-03-07', 'walk_in', 'forced_labour');
  // Case Y: one call with no issue recorded, and a call that was not counselling.
  await session(y.caseId, '2025-03-08', 'call', null);
  await session(y.caseId, '2025-03-09', 'call', 'forced_labour', 'hang_up');
  // A caller counselled without a case: a matter of its own.
  await session(null, '2025-03-10', 'call', 'forced_labour');
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

const march = 'period=custom&from=2025-03-01&to=2025-03-31';

describe('matters counselled', () => {
  it('counts distinct issues beside the sessions and people of each mode', async () => {
    const res = await app.inject({
      url: `/api/staff/reports/national?${march}`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const table = (res.json() as TReport).tables.find((t) => t.key === 'counselling-matters');
    expect(table?.columns.map((c) => c.en)).toEqual(['Matters counselled', 'Sessions', 'People']);
    const cells = Object.fromEntries(table?.rows.map((r) => [r.key, r.cells]) ?? []);
    expect(cells).toEqual({
      hotline: [3, 4, 2],
      phone: [1, 1, 1],
      face_to_face: [1, 1, 1],
      chat: [0, 0, 0],
      // X's forced labour once though it was counselled in three modes.
      total: [4, 6, 2],
    });
  });

  it('exports the matters table as its own sheet with the matters column', async () => {
    const res = await app.inject({
      url: `/api/staff/reports/national/export?${march}&format=xlsx&audience=internal`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets.find((w) =>
      JSON.stringify(w.getSheetValues()).includes('Matters counselled by mode'),
    );
    const rows = (sheet?.getSheetValues() ?? []).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows).toContainEqual(['ລວມທັງໝົດ', 'Total', 4, 6, 2]);
    expect(JSON.stringify(rows)).toContain('ຈຳນວນເລື່ອງທີ່ໃຫ້ຄຳປຶກສາ');
  });
});
