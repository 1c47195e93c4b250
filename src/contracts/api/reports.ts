// Reports: the staff API's queries and answers, and the reports screen's types. Zod only: web/
// imports this file.
import { z } from 'zod';

const ZLabel = { lo: z.string(), en: z.string() };

/**
 * When the figures were counted: `asOf` (an ISO instant) is the last complete refresh of the
 * aggregates the report read (or the request itself for a report computed from the records);
 * `updating`: records changed after it are not counted yet, a refresh is on its way.
 */
export const ZReportFreshness = z.object({ asOf: z.iso.datetime(), updating: z.boolean() });
export type TReportFreshnessBody = z.infer<typeof ZReportFreshness>;

export const ZReport = z.object({
  key: z.string(),
  title: z.object(ZLabel),
  period: z.object({ from: z.string(), to: z.string() }),
  filters: z.record(z.string(), z.string()),
  notes: z.array(z.object(ZLabel)),
  freshness: ZReportFreshness,
  tables: z.array(
    z.object({
      key: z.string(),
      title: z.object(ZLabel),
      countUnit: z.object(ZLabel),
      columns: z.array(
        z.object({
          key: z.string(),
          ...ZLabel,
          measure: z.enum(['count', 'rate', 'seconds']).optional(),
        }),
      ),
      rows: z.array(
        z.object({
          key: z.string(),
          ...ZLabel,
          group: z.string().optional(),
          cells: z.array(z.union([z.number(), z.literal('<3'), z.literal('x')])),
        }),
      ),
    }),
  ),
});

const code = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/** One flat query string for every report; the period fields are checked together afterwards. */
export const ZReportQuery = z.object({
  period: z.enum(['month', 'quarter', 'year', 'custom']).default('year'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  hotline: code.optional(),
  province: code.optional(),
  organisation: code.optional(),
});
export type TReportQuery = z.infer<typeof ZReportQuery>;

export const reportKinds = ['national', 'agencies', 'operations', 'referrals'] as const;
export type TReportKind = (typeof reportKinds)[number];

/** The screen's poll while figures are being brought up to date. */
export const ZFreshnessQuery = z.object({ kind: z.enum(reportKinds) });

/** "Refresh now": the job asked for, and the freshness as it stands (still `updating`). */
export const ZRefreshAccepted = z.object({ jobId: z.string(), freshness: ZReportFreshness });

/**
 * audience: 'external' (the default) hides small counts; 'internal' keeps them for the
 * organisation; 'published' leaves the organisation with the `approved` tables' small counts
 * shown (an administrator's decision, audited) and every other table still suppressed.
 */
export const ZExportQuery = ZReportQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  audience: z.enum(['internal', 'external', 'published']).default('external'),
  /** Comma-separated table keys approved for publication without suppression. */
  approved: z
    .string()
    .regex(/^[a-z0-9-]{1,60}(,[a-z0-9-]{1,60}){0,40}$/)
    .transform((v) => v.split(','))
    .optional(),
});
export type TExportQuery = z.infer<typeof ZExportQuery>;
