import { z } from 'zod';
import provincesFile from '../../db/seed-data/provinces.json';

/**
 * A reference code (category, language, organisation, sector…): an identifier, never free text.
 * Codes end up in spreadsheet exports and reports, so `=HYPERLINK(…)` or any text a spreadsheet
 * would run must be refused at the edge (400), not stored.
 */
export const ZCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'not a code');

const provinceCodes: ReadonlySet<string> = new Set(provincesFile.provinces.map((p) => p.code));

/**
 * A Lao province by its ISO 3166-2:LA code, e.g. LA-VT: one of the 17 provinces and the capital
 * (the provinces reference data), not only something shaped like one.
 */
export const ZProvinceCode = z
  .string()
  .regex(/^LA-[A-Z]{2}$/, 'not a province code')
  .refine((code) => provinceCodes.has(code), 'not a Lao province');
