import { suppressionNote, suppressSmallCells } from './suppression.policy';
import type { TReport } from './report-table.types';

/** internal: full counts for the organisation; external: leaves it, so small counts are hidden. */
export type TAudience = 'internal' | 'external';

export function forAudience(report: TReport, audience: TAudience): TReport {
  if (audience === 'internal') return report;
  return {
    ...report,
    tables: report.tables.map(suppressSmallCells),
    notes: [...report.notes, suppressionNote],
  };
}
