import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQuarterTallies } from '../../../src/modules/reports/national-aggregate.repository';
import { loadNationalTallies } from '../../../src/modules/reports/national-tallies.service';
import { refreshReportAggregates } from '../../../src/modules/reports/report-aggregates.repository';
import type { TReportScope } from '../../../src/modules/reports/report-filters';
import type { TPeriod } from '../../../src/modules/reports/report-period.policy';
import { computeNationalTallies } from '../../../src/modules/reports/reports.repository';
import { startImportRig, type TImportRig } from '../../fixtures/import-rig';
import { insertVariedRecords, type TVariedRecords } from '../../fixtures/national-varied-records';
import { insertKnownRecords } from '../../fixtures/reports-records';
import type { TTestStores } from '../../support/test-stores';

let rig: TImportRig;
let stores: TTestStores;
let app: FastifyInstance;
let ids: Map<string, string>;
let extra: TVariedRecords;

beforeAll(async () => {
  rig = await startImportRig();
  ({ stores, app } = rig);
  ids = await insertKnownRecords(stores.database.sql);
  extra = await insertVariedRecords(stores.database.sql);
});
afterAll(async () => rig?.close());

const quarters: TPeriod[] = [2023, 2024, 2025].flatMap((y) => [
  { from: `${y}-01-01`, to: `${y}-03-31` },
  { from: `${y}-04-01`, to: `${y}-06-30` },
  { from: `${y}-07-01`, to: `${y}-09-30` },
  { from: `${y}-10-01`, to: `${y}-12-31` },
]);
/** Runs of whole months that are not a calendar quarter, and ranges that cut a quarter's ends. */
const notQuarters: TPeriod[] = [
  { from: '2025-02-01', to: '2025-04-30' },
  { from: '2024-11-01', to: '2025-01-31' },
  { from: '2025-04-01', to: '2025-09-30' },
  { from: '2025-04-01', to: '2025-06-29' },
  { from: '2025-03-31', to: '2025-06-30' },
  { from: '2025-04-02', to: '2025-07-01' },
];
const scopes: TReportScope[] = [
  { hotlines: null, provinceCode: null },
  { hotlines: ['1362'], provinceCode: null },
  { hotlines: ['1554'], provinceCode: null },
  { hotlines: null, provinceCode: 'LA-VT' },
  { hotlines: ['1362'], provinceCode: 'LA-SV' },
  { hotlines: ['1554', '1362'], provinceCode: 'LA-VT' },
];

/**
 * Every quarter of 2023–2025 under every filter from the quarter cells, and (through
 * loadNationalTallies, after the refresh the worker runs) every period that is not a whole
 * quarter: exactly the direct computation's tallies.
 */
async function expectQuartersMatchDirect(): Promise<void> {
  const sql = stores.database.sql;
  await refreshReportAggregates(sql, { full: false, wait: true, operations: false });
  for (const scope of scopes) {
    for (const period of quarters) {
      const direct = await computeNationalTallies(sql, period, scope);
      const fast = await readQuarterTallies(sql, period, scope);
      expect({ period, scope, tallies: fast }).toEqual({ period, scope, tallies: direct });
    }
    for (const period of notQuarters) {
      const direct = await computeNationalTallies(sql, period, scope);
      const loaded = await loadNationalTallies(sql, period, scope);
      expect({ period, scope, tallies: loaded }).toEqual({ period, scope, tallies: direct });
    }
  }
}

async function importCsv(kind: string, csv: string): Promise<string> {
  const id = await rig.upload(kind, csv);
  const res = await app.inject({
    method: 'POST',
    url: `/api/staff/admin/imports/${id}/run`,
    headers: { cookie: rig.cookie },
  });
  expect(res.statusCode).toBe(202);
  await expect
    .poll(
      async () =>
        (
          await app.inject({
            url: `/api/staff/admin/imports/${id}`,
            headers: { cookie: rig.cookie },
          })
        ).json().status,
      { timeout: 20_000 },
    )
    .toBe('imported');
  return id;
}

async function undoImport(id: string): Promise<void> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/staff/admin/imports/${id}/undo`,
    headers: { cookie: rig.cookie },
  });
  expect(res.statusCode).toBeLessThan(300);
}

const q2 = { from: '2025-04-01', to: '2025-06-30' };
const all = { hotlines: null, provinceCode: null };

// Each comparison pass is 108 direct queries: minutes on a loaded machine, not a timing claim.
describe(
  'national statistics of a calendar quarter from the quarter cells',
  { timeout: 240_000 },
  () => {
    it('gives exactly the direct computation for every quarter and filter, and periods that are not a quarter fall back', async () => {
      await refreshReportAggregates(stores.database.sql, { full: true, wait: true });
      await expectQuartersMatchDirect();
      // The fixture exercises the quarter's own rules: the edge person, first contacted on
      // 31 March (Q1) and through 1554 only from 1 April (03:00 Lao time, still March in UTC).
      const q2On1554 = await readQuarterTallies(stores.database.sql, q2, {
        hotlines: ['1554'],
        provinceCode: null,
      });
      expect(q2On1554.counselling.total).toMatchObject({
        people: 1,
        newPeople: 0,
        continuingPeople: 1,
      });
      expect(q2On1554.summary.identified?.total).toBe(1);

      // Aggregates built before the quarter cells existed: the next refresh builds them all.
      const sql = stores.database.sql;
      await sql`delete from report_person_quarters`;
      await sql`delete from report_quarter_cells`;
      await refreshReportAggregates(sql, { full: false, wait: true, operations: false });
      expect(await loadNationalTallies(sql, q2, all)).toEqual(
        await computeNationalTallies(sql, q2, all),
      );
    });

    it('counts a quarter that straddles a migration import: imported and live records, then the import undone', async () => {
      const sql = stores.database.sql;
      const before = await loadNationalTallies(sql, q2, all);
      // The hotline moved onto Saiduan in May: April's records are imported, May's are live.
      const peopleBatch = await importCsv(
        'people',
        [
          'external_id,sex,nationality,province_code,victim_status,identification_date',
          'Q-1,female,LA,LA-VT,identified,2025-04-10',
          'Q-2,male,TH,LA-SV,possible,',
        ].join('\n'),
      );
      const contactsBatch = await importCsv(
        'contacts',
        [
          'external_id,occurred_at,channel,contact_type,person_external_id',
          'QC-1,2024-12-15 10:00,call,crisis,Q-1',
          'QC-2,2025-04-05 09:00,sms,crisis,Q-1',
          'QC-3,2025-04-20 09:00,call,crisis,Q-2',
          'QC-4,2025-03-31 23:30,call_back,crisis,Q-2',
        ].join('\n'),
      );
      const [q2Case] = await sql<Array<{ caseId: string }>>`
      select case_id as "caseId" from import_records where kind = 'people' and external_id = 'Q-2'`;
      await sql`insert into contacts (id, case_id, hotline, channel, language, caller_type, contact_type, occurred_at)
      values (gen_random_uuid(), ${q2Case?.caseId ?? ''}, '1362', 'walk_in', 'lo', 'self', 'crisis',
        '2025-05-12T10:00:00+07:00')`;

      await refreshReportAggregates(sql, { full: false, wait: true, operations: false });
      const during = await loadNationalTallies(sql, q2, all);
      expect(during).toEqual(await computeNationalTallies(sql, q2, all));
      // Q-1 identified in the quarter; both counselled in it, both first contacted before it.
      expect(during.summary.identified?.total).toBe((before.summary.identified?.total ?? 0) + 1);
      expect(during.counselling.total?.people).toBe((before.counselling.total?.people ?? 0) + 2);
      expect(during.counselling.total?.continuingPeople).toBe(
        (before.counselling.total?.continuingPeople ?? 0) + 2,
      );
      // The imported SMS counts as chat counselling.
      expect(during.counselling.chat?.sessions).toBe((before.counselling.chat?.sessions ?? 0) + 1);
      await expectQuartersMatchDirect();

      // Undo the contacts batch: the live contact stays, Q-2 now new in the quarter.
      await undoImport(contactsBatch);
      await refreshReportAggregates(sql, { full: false, wait: true, operations: false });
      const undone = await loadNationalTallies(sql, q2, all);
      expect(undone.counselling.total?.people).toBe((before.counselling.total?.people ?? 0) + 1);
      expect(undone.counselling.total?.newPeople).toBe(
        (before.counselling.total?.newPeople ?? 0) + 1,
      );
      await expectQuartersMatchDirect();
      await sql`delete from contacts where case_id = ${q2Case?.caseId ?? ''}`;
      await undoImport(peopleBatch);
      await refreshReportAggregates(sql, { full: false, wait: true, operations: false });
      expect(await loadNationalTallies(sql, q2, all)).toEqual(before);
      await expectQuartersMatchDirect();
    });

    it('follows re-dated, moved and deleted contacts, people taken off a case and retention', async () => {
      const sql = stores.database.sql;
      const label = (name: string) => extra.get(name) ?? { personId: '', caseId: '' };
      // Fresh's May call re-dated into March (Q2 to Q1); knownm's 1 October chat moved to the
      // edge person's case; the migrated person's 2023 call deleted (no longer continuing).
      await sql`update contacts set occurred_at = '2025-03-20T10:00:00+07:00', updated_at = now()
      where case_id = ${label('fresh').caseId} and occurred_at = '2025-05-03T09:00:00+07:00'`;
      await sql`update contacts set case_id = ${label('edge').caseId}, updated_at = now()
      where case_id = ${label('knownm').caseId} and channel = 'chat'`;
      await sql`delete from contacts where case_id = ${label('migrated').caseId}
      and occurred_at < '2024-01-01'`;
      // A known person taken off their case; the not-a-victim caller's case and record removed
      // as retention removes them (contacts, links, then the person, in one transaction).
      await sql`delete from case_people where case_id = ${ids.get('case:P7') ?? ''}`;
      await sql.begin(async (tx) => {
        await tx`delete from contacts where case_id = ${label('callerm').caseId}`;
        await tx`delete from case_people where case_id = ${label('callerm').caseId}`;
        await tx`delete from people where id = ${label('callerm').personId}`;
      });
      // The edge person moves to Savannakhet and was identified in June after all.
      await sql`update people set residence_province_code = 'LA-SV', identification_date = '2025-06-15',
        updated_at = now()
      where id = ${label('edge').personId}`;
      await expectQuartersMatchDirect();

      const q4 = await readQuarterTallies(sql, { from: '2025-10-01', to: '2025-12-31' }, all);
      expect(q4).toEqual(
        await computeNationalTallies(sql, { from: '2025-10-01', to: '2025-12-31' }, all),
      );
      // The daily full rebuild gives the same cells as the incremental refreshes.
      await refreshReportAggregates(sql, { full: true, wait: true });
      await expectQuartersMatchDirect();
    });
  },
);
