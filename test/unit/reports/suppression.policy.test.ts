import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tallyNationalStatistics } from '../../../src/modules/reports/national-statistics.policy';
import { noEvents } from '../../../src/modules/reports/national-events.repository';
import { nationalReport } from '../../../src/modules/reports/national-report.policy';
import { forAudience } from '../../../src/modules/reports/report-audience.policy';
import { suppressSmallCells } from '../../../src/modules/reports/suppression.policy';
import { reportToCsv } from '../../../src/modules/reports/csv.writer';
import { reportToXlsx } from '../../../src/modules/reports/xlsx.writer';
import { sheetNames } from '../../../src/modules/reports/sheet-name.policy';
import type { TReportTable } from '../../../src/modules/reports/report-table.types';
import {
  knownContacts,
  knownPeople,
  knownServices,
  present,
  year2025,
} from '../../fixtures/reports';

const report = () =>
  nationalReport({
    period: year2025,
    filters: { hotline: '1362' },
    tallies: tallyNationalStatistics({
      period: year2025,
      people: knownPeople,
      services: knownServices,
      contacts: knownContacts,
    }),
    events: noEvents(),
    matters: { total: 0 },
  });
const rowsOf = (t: TReportTable) => Object.fromEntries(t.rows.map((r) => [r.key, r.cells]));

describe('external export suppression', () => {
  it('hides 1 and 2, keeps 0 and 3+, in every national table', () => {
    const external = forAudience(report(), 'external');
    const byKey = Object.fromEntries(external.tables.map((t) => [t.key, rowsOf(t)]));
    expect(byKey.summary).toEqual({
      identified: [7, 4, 4, '<3'],
      assisted: [5, 5, 3, 3],
      sheltered: ['<3', '<3', '<3', '<3'],
      reintegrated: ['<3', '<3', '<3', '<3'],
      followed_up: ['<3', '<3', '<3', '<3'],
    });
    expect(byKey.possible?.recorded).toEqual([3, '<3', '<3', '<3']);
    expect(byKey.counselling).toEqual({
      hotline: [6, 5, 4, 'x', '<3'],
      phone: [3, 3, 'x', '<3', '<3'],
      face_to_face: [3, 3, '<3', 3, 0],
      chat: [0, 0, 0, 0, 0],
      total: [12, 9, 6, 7, '<3'],
    });
    expect(external.notes.at(-1)?.en).toContain('<3');
  });

  it('hides a second cell where a single hidden one could be worked out from the total', () => {
    const external = forAudience(report(), 'external');
    const nationality = rowsOf(
      present(
        external.tables.find((t) => t.key === 'nationality'),
        'nationality',
      ),
    );
    // Female: VN's 1 is the only hidden part, so LA's 3 goes too; under 18 likewise with unknown.
    expect(nationality).toEqual({
      LA: [4, 'x', 'x', '<3'],
      TH: ['<3', 0, 0, 0],
      VN: ['<3', '<3', 0, 0],
      unknown: ['<3', 0, '<3', 0],
      total: [7, 4, 4, '<3'],
    });
    const table: TReportTable = {
      key: 't',
      title: { lo: 'ທ', en: 't' },
      countUnit: { lo: 'ຄົນ', en: 'people' },
      columns: [{ key: 'total', lo: 'ທັງໝົດ', en: 'Total' }],
      rows: [
        { key: 'a', lo: 'a', en: 'a', cells: [10], group: 'parts' },
        { key: 'b', lo: 'b', en: 'b', cells: [1], group: 'parts' },
        { key: 'c', lo: 'c', en: 'c', cells: [4], group: 'parts' },
        { key: 'd', lo: 'd', en: 'd', cells: [0], group: 'parts' },
        { key: 'total', lo: 'ລວມ', en: 'Total', cells: [15] },
      ],
    };
    expect(suppressSmallCells(table).rows.map((r) => r.cells[0])).toEqual([10, '<3', 'x', 0, 15]);
  });

  it('leaves the internal report untouched', () => {
    const r = report();
    expect(forAudience(r, 'internal')).toBe(r);
  });
});

describe('CSV and XLSX exports', () => {
  it('writes every table with Lao and English headings into one CSV', () => {
    const csv = reportToCsv(forAudience(report(), 'external'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('ຍິງ,ອາຍຸຕໍ່າກວ່າ 18 ປີ');
    expect(csv).toContain(',,Total,Female,Under 18,Female under 18');
    expect(csv).toContain('Sexual exploitation,3,3,<3,<3');
    expect(csv).toContain('Several forms,<3,<3,0,0');
    expect(csv.split('\r\n\r\n')).toHaveLength(1 + report().tables.length);
  });

  it('writes a workbook with a notes sheet and one sheet per table', async () => {
    const r = report();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportToXlsx(r)) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '0 Notes',
      ...sheetNames(r.tables.map((t) => t.title.en)),
    ]);
    const forms = present(book.worksheets[6], 'forms sheet');
    expect(forms.getRow(6).values).toEqual([
      undefined,
      'ລາຍການ',
      'Item',
      'ທັງໝົດ',
      'ຍິງ',
      'ອາຍຸຕໍ່າກວ່າ 18 ປີ',
      'ຍິງອາຍຸຕໍ່າກວ່າ 18 ປີ',
    ]);
    expect(forms.getRow(7).values).toEqual([
      undefined,
      '',
      '',
      'Total',
      'Female',
      'Under 18',
      'Female under 18',
    ]);
    const total = forms.getRow(7 + present(r.tables[5], 'forms').rows.length);
    expect(total.values).toEqual([undefined, 'ຈຳນວນຄົນທັງໝົດ', 'People (total)', 7, 4, 4, 2]);
    expect(book.worksheets[0]?.getColumn(2).values).toContain(r.notes[0]?.en);
  });

  it('keeps a label starting like a formula as text in the CSV', () => {
    const r = report();
    present(r.tables[0]?.rows[0], 'first row').en = '=HYPERLINK("x")';
    expect(reportToCsv(r)).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
