import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgencyFigures } from '../../../src/modules/reports/agencies.repository';
import { loadNationalEvents } from '../../../src/modules/reports/national-events.repository';
import { refreshReportAggregates } from '../../../src/modules/reports/report-aggregates.repository';
import { insertPersonWithCase } from '../../fixtures/report-events';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
beforeAll(async () => {
  stores = await createTestStores();
});
afterAll(() => stores.cleanup());

const everywhere = { hotlines: null, provinceCode: null };
const year = { from: '2025-01-01', to: '2025-12-31' };

describe('service events read from their aggregate', () => {
  it('gives the figures of the records themselves, through changes and deletions', async () => {
    const sql = stores.database.sql;
    const a = await insertPersonWithCase(sql, { nationality: 'TH', identifiedOn: '2025-01-05' });
    const b = await insertPersonWithCase(sql, { sex: 'male', victimStatus: 'possible' });
    // Recorded for A's case (its victim), for A by name, and for B by name.
    await sql`insert into ticket_services (case_id, organisation_key, service, given_on, quantity)
      values (${a.caseId}, 'health', 'shelter', '2025-02-01', 1)`;
    await sql`insert into ticket_services (case_id, person_id, organisation_key, service, given_on, quantity)
      values (${a.caseId}, ${a.personId}, 'health', 'medical', '2025-03-01', 3),
        (${b.caseId}, ${b.personId}, 'mps-atd', 'medical', '2025-03-03', 1)`;
    const direct = await loadNationalEvents(sql, year, everywhere);
    const directAgencies = await loadAgencyFigures(sql, year, everywhere);
    expect(direct.services.medical).toMatchObject({ people: 2, female: 1, times: 4 });
    expect(direct.sheltered.TH).toEqual({ total: 1, female: 1, male: 0 });

    await refreshReportAggregates(sql, { full: true, wait: true });
    const [stored] = await sql`select count(*)::int as n from report_service_people`;
    expect(stored?.n).toBe(3);
    expect(await loadNationalEvents(sql, year, everywhere)).toEqual(direct);
    expect(await loadAgencyFigures(sql, year, everywhere)).toEqual(directAgencies);

    // Changed after the refresh: B's record, a new event, a deleted one.
    await sql`update people set sex = 'female', updated_at = now() where id = ${b.personId}`;
    await sql`insert into ticket_services (case_id, person_id, service, given_on, quantity)
      values (${b.caseId}, ${b.personId}, 'medical', '2025-04-04', 2)`;
    await sql`delete from ticket_services where service = 'shelter'`;
    // Until the worker's next refresh the report gives the figures of the last one.
    expect(await loadNationalEvents(sql, year, everywhere)).toEqual(direct);
    await refreshReportAggregates(sql, { full: false, wait: true });
    const after = await loadNationalEvents(sql, year, everywhere);
    expect(after.services.medical).toMatchObject({ people: 2, female: 2, times: 6 });
    expect(after.services.shelter).toBeUndefined();
    expect(after.census.total).toBe(0);
    expect(after.sheltered).toEqual({});
    const agencies = await loadAgencyFigures(sql, year, everywhere);
    expect(agencies.police?.medical).toMatchObject({ people: 1, female: 1, times: 1 });
  });
});
