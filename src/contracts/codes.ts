import { z } from 'zod';

/**
 * A reference code (category, language, organisation, sector…): an identifier, never free text.
 * Codes end up in spreadsheet exports and reports, so `=HYPERLINK(…)` or any text a spreadsheet
 * would run must be refused at the edge (400), not stored.
 */
export const ZCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'not a code');

/** A Lao province by its ISO 3166-2:LA code (the provinces reference table), e.g. LA-VT. */
export const ZProvinceCode = z.string().regex(/^LA-[A-Z]{2}$/, 'not a province code');
