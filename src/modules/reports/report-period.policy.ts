import { z } from 'zod';

/**
 * Periods are calendar dates in Lao time (Asia/Vientiane, UTC+7 all year, no daylight saving),
 * because the national report counts by the Lao calendar year, not by UTC.
 */
export const LAO_UTC_OFFSET = '+07:00';

export const ZPeriodQuery = z.discriminatedUnion('period', [
  z.object({
    period: z.literal('month'),
    year: z.coerce.number().int().min(2000).max(2100),
    month: z.coerce.number().int().min(1).max(12),
  }),
  z.object({
    period: z.literal('quarter'),
    year: z.coerce.number().int().min(2000).max(2100),
    quarter: z.coerce.number().int().min(1).max(4),
  }),
  z.object({ period: z.literal('year'), year: z.coerce.number().int().min(2000).max(2100) }),
  z.object({ period: z.literal('custom'), from: z.iso.date(), to: z.iso.date() }),
]);
export type TPeriodQuery = z.infer<typeof ZPeriodQuery>;

/** Inclusive first and last day. */
export type TPeriod = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function resolvePeriod(query: TPeriodQuery): TPeriod {
  switch (query.period) {
    case 'month':
      return {
        from: `${query.year}-${pad(query.month)}-01`,
        to: `${query.year}-${pad(query.month)}-${pad(lastDay(query.year, query.month))}`,
      };
    case 'quarter': {
      const first = (query.quarter - 1) * 3 + 1;
      const last = first + 2;
      return {
        from: `${query.year}-${pad(first)}-01`,
        to: `${query.year}-${pad(last)}-${pad(lastDay(query.year, last))}`,
      };
    }
    case 'year':
      return { from: `${query.year}-01-01`, to: `${query.year}-12-31` };
    case 'custom':
      return query.from <= query.to
        ? { from: query.from, to: query.to }
        : { from: query.to, to: query.from };
  }
}

/** The half-open instant range [start, end) covering the period's Lao calendar days. */
export function periodInstants(period: TPeriod): { start: Date; end: Date } {
  const start = new Date(`${period.from}T00:00:00${LAO_UTC_OFFSET}`);
  const end = new Date(`${period.to}T00:00:00${LAO_UTC_OFFSET}`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start, end };
}

/** The Lao calendar day of an instant. */
export function laoDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export const inPeriod = (day: string | null, period: TPeriod): boolean =>
  day !== null && day >= period.from && day <= period.to;

/**
 * The first days of the period's first and last months when it is a run of whole Lao calendar
 * months (a month, a quarter, a year, January to June…); null otherwise.
 */
export function wholeMonthsOf(period: TPeriod): { first: string; last: string } | null {
  const [y, m] = period.to.split('-').map(Number);
  if (!period.from.endsWith('-01') || y === undefined || m === undefined) return null;
  if (period.to !== `${y}-${pad(m)}-${pad(lastDay(y, m))}` || period.from > period.to) return null;
  return { first: period.from, last: `${y}-${pad(m)}-01` };
}
