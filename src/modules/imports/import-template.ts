import ExcelJS from 'exceljs';
import type { TImportKind } from '../../../db/schema/imports';
import { field } from '../reports/csv.writer';
import { headerOf, importColumns } from './import-columns.policy';

/** The template: one header row with Lao and English names; a second sheet lists allowed values. */
export async function buildTemplate(kind: TImportKind, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const columns = importColumns[kind];
  if (format === 'csv')
    return Buffer.from(`\ufeff${columns.map((c) => field(headerOf(c))).join(',')}\r\n`, 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind);
  sheet.addRow(columns.map(headerOf)).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 28));
  const help = workbook.addWorksheet('values');
  help.addRow(['ຖັນ / Column', 'ຕ້ອງມີ / Required', 'ຄ່າທີ່ອະນຸຍາດ / Allowed values']).font = {
    bold: true,
  };
  for (const c of columns)
    help.addRow([headerOf(c), c.required ? 'ແມ່ນ / yes' : '', (c.values ?? []).join(', ')]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
