import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNationalTallies } from '../../../src/modules/reports/national-tallies.service';
import { refreshReportAggregates } from '../../../src/modules/reports/report-aggregates.repository';
import type { TReportScope } from '../../../src/modules/reports/report-filters';
import type { TPeriod } from '../../../src/modules/reports/report-period.policy';
import {
  computeNationalTallies,
  readMonthsTallies,
} from '../../../src/modules/reports/reports.repository';
import { insertKnownRecords } from '../../fixtures/reports-records';
import { insertVariedRecords, type TVariedRecords } from '../../fixtures/national-varied-records';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let ids: Map<string, string>;
let extra: TVariedRecords;

beforeAll(async () => {
  stores = await createTestStores();
  ids = await insertKnownRecords(stores.database.sql);
  extra = await insertVariedRecords(stores.database.sql);
});
afterAll(() => stores.cleanup());

const pad = (n: number) => String(n).padStart(2, '0');
const months = (year: number): TPeriod[] =>
  Array.from({ length: 12 }, (_, i) => {
    const last = new Date(Date.UTC(year, i + 1, 0)).getUTCDate();
    return { from: `${year}-${pad(i + 1)}-01`, to: `${year}-${pad(i + 1)}-${pad(last)}` };
  });
const periods: TPeriod[] = [
  ...months(2025),
  { from: '2025-01-01', to: '2025-03-31' },
  { from: '2025-04-01', to: '2025-06-30' },
  { from: '2025-07-01', to: '2025-09-30' },
  { from: '2025-10-01', to: '2025-12-31' },
  { from: '2025-03-01', to: '2025-04-30' },
  { from: '2024-12-01', to: '2025-02-28' },
  { from: '2023-07-01', to: '2023-07-31' },
];
const scopes: TReportScope[] = [
  { hotlines: null, provinceCode: null },
  { hotlines: ['1362'], provinceCode: null },
  { hotlines: ['1554'], provinceCode: null },
  { hotlines: null, provinceCode: 'LA-VT' },
  { hotlines: ['1362'], provinceCode: 'LA-SV' },
  { hotlines: ['1554', '1362'], provinceCode: 'LA-VT' },
];

/** Every period and filter: the month aggregates give exactly the direct computation's tallies. */
async function expectMonthsMatchDirect(only: TPeriod[] = periods): Promise<void> {
  const sql = stores.database.sql;
  for (const period of only)
    for (const scope of scopes) {
      const direct = await computeNationalTallies(sql, period, scope);
      const fast = await readMonthsTallies(sql, period, scope);
      expect({ period, scope, tallies: fast }).toEqual({ period, scope, tallies: direct });
    }
}

describe('national statistics of whole months from the month aggregates', () => {
  it('gives exactly the direct computation for months, quarters and runs of months, under every filter', async () => {
    const sql = stores.database.sql;
    await refreshReportAggregates(sql, { full: true, wait: true });
    await expectMonthsMatchDirect();

    // Spot checks that the fixture exercises what it should (direct and fast agree on these).
    const april = await readMonthsTallies(
      sql,
      { from: '2025-04-01', to: '2025-04-30' },
      { hotlines: ['1554'], provinceCode: null },
    );
    expect(april.counselling.hotline?.sessions).toBe(1); // the 03:00 call, March in UTC
    // Q2 through 1554: the edge person, first contacted on 31 March through 1362: continuing.
    const q2 = await readMonthsTallies(
      sql,
      { from: '2025-04-01', to: '2025-06-30' },
      { hotlines: ['1554'], provinceCode: null },
    );
    expect(q2.counselling.total).toMatchObject({ people: 1, newPeople: 0, continuingPeople: 1 });
    const june = await readMonthsTallies(
      sql,
      { from: '2025-06-01', to: '2025-06-30' },
      { hotlines: null, provinceCode: 'LA-VT' },
    );
    expect(june.counselling.chat).toMatchObject({ sessions: 2, people: 2, continuingPeople: 2 });
  });

  it('follows re-dated, moved and deleted contacts and people taken off a case, read through loadNationalTallies', async () => {
    const sql = stores.database.sql;
    const all = { hotlines: null, provinceCode: null };
    const may = { from: '2025-05-01', to: '2025-05-31' };
    const before = await loadNationalTallies(sql, may, all);
    // The migrated person's chat in May was in fact in April; fresh's May call is deleted.
    await sql`update contacts set occurred_at = '2025-04-20T10:00:00+07:00', updated_at = now()
      where case_id = ${extra.get('migrated')?.caseId ?? ''} and channel = 'chat'`;
    await sql`delete from contacts where case_id = ${extra.get('fresh')?.caseId ?? ''}
      and occurred_at = '2025-05-03T09:00:00+07:00'`;
    // A known person taken off their case; the edge person's June SMS moved onto knownm's case.
    await sql`delete from case_people where case_id = ${ids.get('case:P7') ?? ''}`;
    await sql`update contacts set case_id = ${extra.get('knownm')?.caseId ?? ''}, updated_at = now()
      where case_id = ${extra.get('edge')?.caseId ?? ''} and channel = 'sms'`;

    // The fresh person moves to Savannakhet and is identified in May: the month rows follow.
    await sql`update people set residence_province_code = 'LA-SV', victim_status = 'identified',
        identification_date = '2025-05-15', updated_at = now()
      where id = ${extra.get('fresh')?.personId ?? ''}`;

    // The worker's refresh takes the changes in (a report request no longer refreshes inline).
    await refreshReportAggregates(sql, { full: false, wait: true });
    const after = await loadNationalTallies(sql, may, all);
    expect(after).toEqual(await computeNationalTallies(sql, may, all));
    expect(after.counselling.chat?.sessions ?? 0).toBe(
      (before.counselling.chat?.sessions ?? 0) - 1,
    );
    await expectMonthsMatchDirect();
  });
});
