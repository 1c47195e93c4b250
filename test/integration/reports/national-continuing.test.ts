import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNationalTallies } from '../../../src/modules/reports/national-tallies.service';
import { refreshReportAggregates } from '../../../src/modules/reports/report-aggregates.repository';
import { computeNationalTallies } from '../../../src/modules/reports/reports.repository';
import { insertCounselling, insertPersonWithCase } from '../../fixtures/report-events';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
beforeAll(async () => {
  stores = await createTestStores();
});
afterAll(() => stores.cleanup());

const everywhere = { hotlines: null, provinceCode: null };

describe('new and continuing people', () => {
  it('counts a person first counselled in an earlier year as continuing, whenever the record was created', async () => {
    const sql = stores.database.sql;
    // Migrated this year (created now) with their history: first counselled in 2023.
    const migrated = await insertPersonWithCase(sql, { victimStatus: 'possible' });
    await insertCounselling(sql, migrated.caseId, '2023-06-01');
    await insertCounselling(sql, migrated.caseId, '2024-03-01');
    // Identified in 2023, first counselled in 2024: continuing too.
    const identified = await insertPersonWithCase(sql, { identifiedOn: '2023-11-11' });
    await insertCounselling(sql, identified.caseId, '2024-05-05');
    // First counselled in 2024: new.
    const fresh = await insertPersonWithCase(sql, { victimStatus: 'possible' });
    await insertCounselling(sql, fresh.caseId, '2024-02-02');

    const year = { from: '2024-01-01', to: '2024-12-31' };
    const direct = await computeNationalTallies(sql, year, everywhere);
    expect(direct.counselling.total).toMatchObject({
      people: 3,
      newPeople: 1,
      continuingPeople: 2,
    });
    const march = await computeNationalTallies(
      sql,
      { from: '2024-03-01', to: '2024-03-31' },
      everywhere,
    );
    expect(march.counselling.total).toMatchObject({ people: 1, newPeople: 0, continuingPeople: 1 });

    // The yearly report reads the aggregate: the same people.
    await refreshReportAggregates(sql, { full: true, wait: true });
    const fromAggregate = await loadNationalTallies(sql, year, everywhere);
    expect(fromAggregate.counselling.total).toMatchObject({
      people: 3,
      newPeople: 1,
      continuingPeople: 2,
    });
    const firstYear = await loadNationalTallies(
      sql,
      { from: '2023-01-01', to: '2023-12-31' },
      everywhere,
    );
    expect(firstYear.counselling.total).toMatchObject({
      people: 1,
      newPeople: 1,
      continuingPeople: 0,
    });
  });
});
