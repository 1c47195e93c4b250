import { suppressionNote, suppressSmallCells } from './suppression.policy';
import type { TLabel, TReport } from './report-table.types';

/**
 * internal: full counts for the organisation; external: leaves it, so small counts are hidden;
 * published: leaves it with small counts shown in the tables an administrator approved.
 */
export type TAudience = 'internal' | 'external' | 'published';

/** Only an administrator may publish a table without small-cell suppression. */
export const mayPublishUnsuppressed = (role: string): boolean => role === 'administrator';

const publishedNote = (titles: string[], lang: keyof TLabel): string =>
  lang === 'lo'
    ? `ຕາຕະລາງທີ່ຜູ້ບໍລິຫານລະບົບອະນຸມັດໃຫ້ເຜີຍແຜ່ໂດຍບໍ່ເຊື່ອງຕົວເລກນ້ອຍ: ${titles.join('; ')}`
    : `Published with small counts shown, approved by an administrator: ${titles.join('; ')}`;

export function forAudience(
  report: TReport,
  audience: TAudience,
  approved: readonly string[] = [],
): TReport {
  if (audience === 'internal') return report;
  const shown = audience === 'published' ? new Set(approved) : new Set<string>();
  const open = report.tables.filter((t) => shown.has(t.key));
  return {
    ...report,
    tables: report.tables.map((t) => (shown.has(t.key) ? t : suppressSmallCells(t))),
    notes: [
      ...report.notes,
      suppressionNote,
      ...(open.length > 0
        ? [
            {
              lo: publishedNote(
                open.map((t) => t.title.lo),
                'lo',
              ),
              en: publishedNote(
                open.map((t) => t.title.en),
                'en',
              ),
            },
          ]
        : []),
    ],
  };
}
