import { freshnessNotes } from './report-freshness.policy';
import type { TReport, TReportTable } from './report-table.types';

/** Spreadsheets run text starting with these as formulas; a leading quote keeps it text. */
const formulaStart = /^[=+\-@\t\r]/;

export function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: Array<string | number>) => values.map(field).join(',');

function tableLines(table: TReportTable): string[] {
  return [
    line([table.title.lo, table.title.en]),
    line([table.countUnit.lo, table.countUnit.en]),
    line(['ລາຍການ', 'Item', ...table.columns.map((c) => c.lo)]),
    line(['', '', ...table.columns.map((c) => c.en)]),
    ...table.rows.map((r) => line([r.lo, r.en, ...r.cells])),
  ];
}

/**
 * One CSV file, one block per table separated by an empty line, Lao and English headings. The
 * byte-order mark makes spreadsheet programs read the Lao script as UTF-8.
 */
export function reportToCsv(report: TReport): string {
  const head = [
    line([report.title.lo, report.title.en]),
    line(['ໄລຍະ', 'Period', report.period.from, report.period.to]),
    ...Object.entries(report.filters).map(([k, v]) => line(['', k, v])),
    ...freshnessNotes(report.freshness).map((n) => line([n.lo, n.en])),
    ...report.notes.map((n) => line([n.lo, n.en])),
  ];
  const blocks = [head, ...report.tables.map(tableLines)].map((b) => b.join('\r\n'));
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}
