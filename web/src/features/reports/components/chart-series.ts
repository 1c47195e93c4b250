import type { TReportTable } from '../api/reports.api';

export type TSeries = { label: string; values: number[] };
export type TChartData = { labels: string[]; series: TSeries[] };

/**
 * The first two count columns of a table, one point per row; total rows are left out so the
 * parts are not dwarfed by their sum. Hidden cells ('<3', 'x') plot as zero.
 */
export function chartData(table: TReportTable, language: 'lo' | 'en'): TChartData {
  const rows = table.rows.filter((r) => r.key !== 'total' && r.key !== 'any');
  const columns = table.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => (c.measure ?? 'count') === 'count')
    .slice(0, 2);
  return {
    labels: rows.map((r) => r[language]),
    series: columns.map(({ c, i }) => ({
      label: c[language],
      values: rows.map((r) => {
        const v = r.cells[i];
        return typeof v === 'number' ? v : 0;
      }),
    })),
  };
}

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** A chart with nothing above zero draws only an axis: the reader is told there is no data. */
export function hasData(data: TChartData): boolean {
  return data.labels.length > 0 && data.series.some((s) => s.values.some((v) => v > 0));
}
