import { describe, expect, it } from 'vitest';
import { tallyNationalStatistics } from '../../../src/modules/reports/national-statistics.policy';
import { buildNationalTables } from '../../../src/modules/reports/national-tables.policy';
import type { TReportTable } from '../../../src/modules/reports/report-table.types';
import {
  expectedNationalCells,
  knownContacts,
  knownPeople,
  knownServices,
  present,
  year2025,
} from '../../fixtures/reports';

const cellsOf = (table: TReportTable) => table.rows.map((r) => [r.key, ...r.cells]);
const tables = () =>
  buildNationalTables(
    tallyNationalStatistics({
      period: year2025,
      people: knownPeople,
      services: knownServices,
      contacts: knownContacts,
    }),
  );

describe('national statistics over a known set of records (year 2025)', () => {
  it('produces exactly the national tables, every row and every cell', () => {
    const byKey = Object.fromEntries(tables().map((t) => [t.key, cellsOf(t)]));
    expect(byKey).toEqual(expectedNationalCells);
  });

  it('counts a person once however many contacts and services of a kind they had', () => {
    const once = tallyNationalStatistics({
      period: year2025,
      people: knownPeople.filter((p) => p.id === 'P1'),
      services: knownServices.filter((s) => s.personId === 'P1'),
      contacts: knownContacts.filter((c) => c.personIds.includes('P1')),
    });
    expect(once.summary.sheltered?.total).toBe(1);
    expect(once.services.shelter?.total).toBe(1);
    expect(once.counselling.hotline).toEqual({
      sessions: 2,
      people: 1,
      female: 1,
      newPeople: 1,
      continuingPeople: 0,
    });
    expect(once.counselling.total?.people).toBe(1);
    expect(once.counselling.total?.sessions).toBe(3);
  });

  it('counts identification by its date and moves later identifications to possible victims', () => {
    const t = tallyNationalStatistics({
      period: { from: '2026-01-01', to: '2026-12-31' },
      people: knownPeople,
      services: knownServices,
      contacts: knownContacts,
    });
    // P6 and P14 are identified in 2026; P12 is assisted (training) in 2026 but identified in 2025.
    expect(t.summary.identified?.total).toBe(2);
    expect(t.summary.assisted?.total).toBe(1);
    expect(t.nationality.LA?.total).toBe(2);
    // In 2025 the same P6 was a possible victim with a contact and a medical service.
    const t2025 = tallyNationalStatistics({
      period: year2025,
      people: knownPeople,
      services: knownServices,
      contacts: knownContacts,
    });
    expect(t2025.possible.recorded?.total).toBe(3);
    expect(t2025.services.medical?.total).toBe(1);
  });

  it('counts several forms once per form and once as several, so form rows exceed the people', () => {
    const forms = present(
      tables().find((t) => t.key === 'forms'),
      'forms',
    );
    const formRows = forms.rows.filter(
      (r) => !['several', 'not_recorded', 'total'].includes(r.key),
    );
    const sumOfForms = formRows.reduce((n, r) => n + (r.cells[0] as number), 0);
    expect(sumOfForms).toBe(9);
    expect(forms.rows.find((r) => r.key === 'total')?.cells[0]).toBe(7);
  });

  it('labels every row and heading in Lao and English and states the count unit', () => {
    for (const table of tables()) {
      expect(table.title.lo).toMatch(/[\u0E80-\u0EFF]/);
      expect(table.title.en).toMatch(/[A-Za-z]/);
      expect(table.countUnit.en.length).toBeGreaterThan(10);
      for (const c of table.columns) expect(c.lo && c.en).toBeTruthy();
      for (const r of table.rows) expect(r.lo && r.en).toBeTruthy();
    }
  });

  it('lists a nationality or return country outside the known list by its code', () => {
    const t = tallyNationalStatistics({
      period: year2025,
      people: [{ ...present(knownPeople[2], 'P3'), nationality: 'BD', returnedFromCountry: 'AE' }],
      services: [],
      contacts: [],
    });
    const built = buildNationalTables(t);
    expect(built.find((x) => x.key === 'nationality')?.rows.map((r) => r.key)).toEqual([
      'LA',
      'BD',
      'unknown',
      'total',
    ]);
    expect(built.find((x) => x.key === 'origin')?.rows.find((r) => r.key === 'abroad:AE')?.en).toBe(
      '— from AE',
    );
  });
});
