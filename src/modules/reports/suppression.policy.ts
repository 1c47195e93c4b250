import type { TCellValue, TReportTable } from './report-table.types';

/** Counts from 1 to this minus one are hidden in exports that leave the organisation. */
export const SUPPRESSION_THRESHOLD = 3;

const small = (v: TCellValue) => typeof v === 'number' && v > 0 && v < SUPPRESSION_THRESHOLD;

/**
 * Hides small counts so a person cannot be recognised from an external export. Zero stays: it
 * reveals nobody. Where rows of a group add up to a total shown elsewhere, a single hidden cell in
 * a column could be recomputed by subtraction, so the smallest other non-zero cell of that column
 * in the group is hidden too, marked 'x' (complementary suppression).
 */
export function suppressSmallCells(table: TReportTable): TReportTable {
  const counts = table.columns.map((c) => (c.measure ?? 'count') === 'count');
  const rows = table.rows.map((row) => ({
    ...row,
    cells: row.cells.map((v, i): TCellValue => (counts[i] && small(v) ? '<3' : v)),
  }));
  const groups = new Set(rows.flatMap((r) => (r.group === undefined ? [] : [r.group])));
  for (const group of groups) {
    const members = rows.filter((r) => r.group === group);
    table.columns.forEach((_, col) => {
      if (!counts[col]) return;
      const hidden = members.filter((r) => r.cells[col] === '<3').length;
      if (hidden !== 1) return;
      let pick: { row: (typeof members)[number]; value: number } | null = null;
      for (const row of members) {
        const v = row.cells[col];
        if (typeof v === 'number' && v > 0 && (pick === null || v < pick.value))
          pick = { row, value: v };
      }
      if (pick) pick.row.cells[col] = 'x';
    });
  }
  return { ...table, rows };
}

export const suppressionNote = {
  lo: 'ລາຍງານພາຍນອກ: ຕົວເລກ 1-2 ສະແດງເປັນ "<3"; "x" ແມ່ນຖືກເຊື່ອງເພື່ອບໍ່ໃຫ້ຄິດໄລ່ຕົວເລກນ້ອຍຄືນໄດ້.',
  en: 'External export: counts of 1 or 2 are shown as "<3"; "x" is hidden so that a small count cannot be worked out from the total.',
};
