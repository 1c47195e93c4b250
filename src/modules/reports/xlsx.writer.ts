import ExcelJS from 'exceljs';
import { freshnessNotes } from './report-freshness.policy';
import type { TReport, TReportTable } from './report-table.types';
import { sheetNames } from './sheet-name.policy';

function addTableSheet(book: ExcelJS.Workbook, table: TReportTable, name: string): void {
  const sheet = book.addWorksheet(name);
  sheet.addRow([table.title.lo]).font = { bold: true, size: 13 };
  sheet.addRow([table.title.en]).font = { bold: true };
  sheet.addRow([table.countUnit.lo]);
  sheet.addRow([table.countUnit.en]).font = { italic: true };
  sheet.addRow([]);
  sheet.addRow(['ລາຍການ', 'Item', ...table.columns.map((c) => c.lo)]).font = { bold: true };
  sheet.addRow(['', '', ...table.columns.map((c) => c.en)]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([row.lo, row.en, ...row.cells]);
  sheet.getColumn(1).width = 48;
  sheet.getColumn(2).width = 48;
  for (let c = 3; c < 3 + table.columns.length; c += 1) sheet.getColumn(c).width = 16;
  sheet.views = [{ state: 'frozen', ySplit: 7 }];
}

/** A real workbook: a notes sheet (period, filters, as of when, count-unit rules), then one sheet per table. */
export async function reportToXlsx(report: TReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Saiduan';
  const notes = book.addWorksheet('0 Notes');
  notes.addRow([report.title.lo]).font = { bold: true, size: 13 };
  notes.addRow([report.title.en]).font = { bold: true };
  notes.addRow(['ໄລຍະ / Period', report.period.from, report.period.to]);
  for (const [k, v] of Object.entries(report.filters)) notes.addRow([k, v]);
  for (const n of freshnessNotes(report.freshness))
    notes.addRow([n.lo, n.en]).font = { bold: true };
  notes.addRow([]);
  for (const n of report.notes) notes.addRow([n.lo, n.en]);
  notes.getColumn(1).width = 60;
  notes.getColumn(2).width = 90;
  const names = sheetNames(report.tables.map((t) => t.title.en));
  report.tables.forEach((t, i) => addTableSheet(book, t, names[i] ?? `${i + 1}`));
  return Buffer.from(await book.xlsx.writeBuffer());
}
