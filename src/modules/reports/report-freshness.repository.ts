import type { TSql } from '../../infra/database';
import type { TReportKind } from '../../contracts/api/reports';

/**
 * How current the aggregates a report reads are: `asOf` is the last complete refresh (the
 * watermark), `updating` that records changed after it and the refresh job has yet to take
 * them in. Null: the report reads no aggregate (never built, or a report computed directly).
 */
export type TAggregateFreshness = { asOf: string; updating: boolean };

/** An ISO instant in UTC, to the millisecond (the driver hands timestamps over as bare text). */
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** Which aggregates' refresh state a report kind depends on (report-aggregates.repository.ts). */
const stateKeyOf: Record<TReportKind, 'national' | 'operations' | null> = {
  national: 'national',
  agencies: 'national',
  operations: 'operations',
  referrals: null,
};

/**
 * Reads the watermark and whether any record the refresh reads was written after it: a few
 * index probes (every table has an index on updated_at), cheap enough for every report request
 * and the worker's sweep. Changes committed by a transaction that began before the refresh carry
 * an older stamp and are not seen here; the refresh re-reads them (its overlap) all the same.
 */
export async function readAggregateFreshness(
  sql: TSql,
  kind: TReportKind,
): Promise<TAggregateFreshness | null> {
  const key = stateKeyOf[kind];
  if (key === null) return null;
  const [state] =
    key === 'national'
      ? await sql<Array<{ asOf: string; updating: boolean }>>`
        select to_char(s.watermark at time zone 'UTC', ${sql.unsafe(ISO_UTC)}) as "asOf",
          exists(select 1 from people where updated_at > s.watermark)
          or exists(select 1 from case_people where updated_at > s.watermark)
          or exists(select 1 from contacts where updated_at > s.watermark)
          or exists(select 1 from ticket_services where updated_at > s.watermark)
          or exists(select 1 from report_stale where kind in ('person', 'day')) as updating
        from report_refresh_state s where s.key = 'national'`
      : await sql<Array<{ asOf: string; updating: boolean }>>`
        select to_char(s.watermark at time zone 'UTC', ${sql.unsafe(ISO_UTC)}) as "asOf",
          exists(select 1 from calls where updated_at > s.watermark)
          or exists(select 1 from contacts where updated_at > s.watermark)
          or exists(select 1 from report_stale where kind in ('call-hour', 'contact-day')) as updating
        from report_refresh_state s where s.key = 'operations'`;
  return state ?? null;
}
