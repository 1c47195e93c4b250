import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallyNationalStatistics } from '../../../src/modules/reports/national-statistics.policy';
import { buildNationalTables } from '../../../src/modules/reports/national-tables.policy';
import { loadNationalTallies } from '../../../src/modules/reports/national-tallies.service';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import {
  expectedNationalCells,
  knownContacts,
  knownPeople,
  knownServices,
  year2025,
} from '../../fixtures/reports';
import { insertKnownRecords } from '../../fixtures/reports-records';

let stores: TTestStores;
beforeAll(async () => {
  stores = await createTestStores();
  await insertKnownRecords(stores.database.sql);
});
afterAll(() => stores.cleanup());

const cells = (tables: ReturnType<typeof buildNationalTables>) =>
  Object.fromEntries(tables.map((t) => [t.key, t.rows.map((r) => [r.key, ...r.cells])]));

describe('national statistics from the stored records', () => {
  it('gives every cell of the national tables for 2025', async () => {
    const tallies = await loadNationalTallies(stores.database.sql, year2025, {
      hotlines: null,
      provinceCode: null,
    });
    expect(cells(buildNationalTables(tallies))).toEqual(expectedNationalCells);
  });

  it('agrees with the rules for other periods and filters', async () => {
    const sql = stores.database.sql;
    for (const period of [
      { from: '2026-01-01', to: '2026-12-31' },
      { from: '2025-03-01', to: '2025-03-31' },
      { from: '2024-01-01', to: '2024-12-31' },
    ]) {
      const fromDb = await loadNationalTallies(sql, period, { hotlines: null, provinceCode: null });
      const fromRules = tallyNationalStatistics({
        period,
        people: knownPeople,
        services: knownServices,
        contacts: knownContacts,
      });
      expect(cells(buildNationalTables(fromDb))).toEqual(cells(buildNationalTables(fromRules)));
    }
  });

  it('narrows to a hotline and a province', async () => {
    const sql = stores.database.sql;
    const other = await loadNationalTallies(sql, year2025, {
      hotlines: ['1554'],
      provinceCode: null,
    });
    expect(cells(buildNationalTables(other)).summary).toEqual(
      expectedNationalCells.summary?.map(([k]) => [k, 0, 0, 0, 0]),
    );
    const savannakhet = await loadNationalTallies(sql, year2025, {
      hotlines: ['1362'],
      provinceCode: 'LA-SV',
    });
    expect(savannakhet.summary.identified).toEqual({
      total: 2,
      female: 1,
      under18: 1,
      femaleUnder18: 0,
    });
    // P2 and P3 come from Savannakhet: C4 (phone), C5 (hotline, both) are their sessions.
    expect(savannakhet.counselling.total).toEqual({
      sessions: 2,
      people: 2,
      female: 1,
      newPeople: 1,
      continuingPeople: 1,
    });
  });
});
