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

  it('follows contacts that are re-dated, deleted or moved, and people put on or taken off a case', async () => {
    const sql = stores.database.sql;
    const quarter = { from: '2025-04-01', to: '2025-06-30' };
    const q2 = async () =>
      (await computeNationalTallies(sql, quarter, everywhere)).counselling.total;
    const a = await insertPersonWithCase(sql, { victimStatus: 'possible' });
    await insertCounselling(sql, a.caseId, '2025-03-01');
    await insertCounselling(sql, a.caseId, '2025-05-01');
    expect(await q2()).toMatchObject({ people: 1, newPeople: 0, continuingPeople: 1 });

    // The March contact was entered with the wrong day: it was in May.
    await sql`update contacts set occurred_at = '2025-05-02T10:00:00+07:00'
      where case_id = ${a.caseId} and occurred_at < '2025-04-01'`;
    expect(await q2()).toMatchObject({ people: 1, newPeople: 1, continuingPeople: 0 });

    // A second person on the case, with an earlier case of her own (deleted later).
    const b = await insertPersonWithCase(sql, { victimStatus: 'possible' });
    await insertCounselling(sql, b.caseId, '2024-12-24');
    await sql`insert into case_people (case_id, person_id, role) values (${a.caseId}, ${b.personId}, 'victim')`;
    expect(await q2()).toMatchObject({ people: 2, newPeople: 1, continuingPeople: 1 });
    await sql`delete from contacts where case_id = ${b.caseId}`;
    expect(await q2()).toMatchObject({ people: 2, newPeople: 2, continuingPeople: 0 });

    // Her December contact moves back onto her own case; then she is only another party on A's.
    await insertCounselling(sql, a.caseId, '2024-12-25');
    await sql`update contacts set case_id = ${b.caseId} where case_id = ${a.caseId}
      and occurred_at < '2025-01-01'`;
    expect(await q2()).toMatchObject({ people: 2, newPeople: 1, continuingPeople: 1 });
    await sql`update case_people set role = 'other_party' where person_id = ${b.personId} and case_id = ${a.caseId}`;
    expect(await q2()).toMatchObject({ people: 1, newPeople: 1, continuingPeople: 0 });
    const [first] = await sql`select first_contact_at = '2024-12-25T10:00:00+07:00' as exact
      from people where id = ${b.personId}`;
    expect(first?.exact).toBe(true);
  });
});
