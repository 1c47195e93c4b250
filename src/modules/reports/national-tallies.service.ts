import type { TSql } from '../../infra/database';
import { primaryReader, type TReader } from '../../infra/read-replica';
import { readNationalTallies, readQuarterTallies } from './national-aggregate.repository';
import type { TNationalTallies } from './national-statistics.types';
import { aggregatesWatermark } from './report-aggregates.repository';
import type { TReportScope } from './report-filters';
import { wholeMonthsOf, type TPeriod } from './report-period.policy';
import { computeNationalTallies, readMonthsTallies } from './reports.repository';

/** The calendar year a period covers exactly, if it does. */
export function calendarYearOf(period: TPeriod): number | null {
  const year = Number(period.from.slice(0, 4));
  return period.from === `${year}-01-01` && period.to === `${year}-12-31` ? year : null;
}

/** Whether a period is exactly one calendar quarter (1 Jan–31 Mar, 1 Apr–30 Jun, …). */
export function isCalendarQuarter(period: TPeriod): boolean {
  const months = wholeMonthsOf(period);
  if (months === null) return false;
  const [y1, m1] = months.first.split('-').map(Number);
  const [y2, m2] = months.last.split('-').map(Number);
  return y1 === y2 && m1 !== undefined && m1 % 3 === 1 && m2 === m1 + 2;
}

/**
 * The national tallies of a period. A calendar year (the yearly national report), with any
 * hotline and province filter, is read from the person-year cells, a calendar quarter from the
 * person-quarter cells; a month or any other run of whole months from the person-month and
 * session-day aggregates, as the last complete refresh left them: the request never refreshes
 * (the refresh job does, report-refresh-ticker.ts), and the report says as of when
 * (report-freshness.repository.ts). A custom period that cuts a month is computed directly from the records
 * (slower, same cells: a person is counted once per period, and the aggregates cannot split a
 * month), and so is any period before the aggregates were ever built.
 * `sql` is the primary (where the refresh state, and so the report's "as of", is read); `read`
 * may send the reads to a replica, which for the aggregates must first have replayed up to the
 * primary's position (so never older than the "as of" the report states).
 */
export async function loadNationalTallies(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
  read: TReader = primaryReader(sql),
): Promise<TNationalTallies> {
  const year = calendarYearOf(period);
  const months = wholeMonthsOf(period);
  const compute = () => read((on) => computeNationalTallies(on, period, scope, sql));
  if (year === null && months === null) return compute();
  if ((await aggregatesWatermark(sql)) === null) return compute();
  if (year !== null) return read((on) => readNationalTallies(on, year, scope), { seeWrites: true });
  if (isCalendarQuarter(period))
    return read((on) => readQuarterTallies(on, period, scope), { seeWrites: true });
  return read((on) => readMonthsTallies(on, period, scope), { seeWrites: true });
}
