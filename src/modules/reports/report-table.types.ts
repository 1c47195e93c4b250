/** A heading or row label in both report languages: Lao first, English second. */
export type TLabel = { lo: string; en: string };

/**
 * A cell: a count; in an external export '<3' for a hidden small count and 'x' for a cell hidden
 * only so that a small one cannot be worked out from the total.
 */
export type TCellValue = number | '<3' | 'x';

/** Only counts of people or events are suppressed; rates and durations are not counts. */
export type TReportColumn = TLabel & { key: string; measure?: 'count' | 'rate' | 'seconds' };

/**
 * `group`: rows sharing a group add up to a whole shown elsewhere (provinces to the total), so
 * one hidden cell among them could be recomputed from the rest; suppression hides a second one.
 */
export type TReportRow = TLabel & { key: string; cells: TCellValue[]; group?: string };

/**
 * One table of a report, ready for the screen, CSV and XLSX alike. `countUnit` says in words what
 * one unit of every cell is (a person once per period, a session, a call): it is printed with the
 * table so nobody reading the figures has to guess.
 */
export type TReportTable = {
  key: string;
  title: TLabel;
  countUnit: TLabel;
  columns: TReportColumn[];
  rows: TReportRow[];
};

export type TReport = {
  key: string;
  title: TLabel;
  period: { from: string; to: string };
  filters: Record<string, string>;
  tables: TReportTable[];
  /** How things are counted, printed with the report. */
  notes: TLabel[];
  /** When the figures were counted; set by reports.service.ts on every report it hands out. */
  freshness?: TReportFreshness;
};

/**
 * `asOf`: the instant the figures count records up to (the aggregates' last complete refresh, or
 * the moment of the request for a report computed directly from the records). `updating`: records
 * changed after it are not counted yet and the refresh job is taking them in.
 */
export type TReportFreshness = { asOf: string; updating: boolean };
