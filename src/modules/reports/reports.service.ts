import { eq } from 'drizzle-orm';
import { hotlines } from '../../../db/schema/hotlines';
import type { TAppDeps } from '../../app.types';
import { replicaReader } from '../../infra/read-replica';
import { AppError } from '../../errors/catalogue';
import type { TActor } from '../auth/actor';
import { scopeOf } from '../auth/permissions.policy';
import { recordAudit } from '../audit/audit.repository';
import { agenciesReport } from './agencies-report.policy';
import { loadAgencyFigures } from './agencies.repository';
import { reportToCsv } from './csv.writer';
import { nationalReport } from './national-report.policy';
import { operationsReport } from './operations-report.policy';
import { loadOperations } from './operations.service';
import { forAudience, mayPublishUnsuppressed } from './report-audience.policy';
import { resolvePeriod, ZPeriodQuery } from './report-period.policy';
import { filterLabels, reportScopeFor } from './report-scope.policy';
import type { TReport, TReportFreshness } from './report-table.types';
import type { JobQueues } from '../../jobs/job-queues';
import { reportFreshness } from './report-freshness.policy';
import { readAggregateFreshness } from './report-freshness.repository';
import { refreshAggregatesNow, refreshAggregatesSoon } from './report-refresh.requests';
import type { TExportQuery, TReportKind, TReportQuery } from '../../contracts/api/reports';
import { loadCounselledMatters } from './counselled-matters.repository';
import { loadNationalEvents } from './national-events.repository';
import { loadNationalTallies } from './national-tallies.service';
import { loadReferrals } from './referrals.repository';
import { referralsReport } from './referrals-report.policy';
import { reportToXlsx } from './xlsx.writer';

export type TReportsDeps = Pick<TAppDeps, 'db' | 'sql' | 'config' | 'replica'> & {
  /** Where a refresh is asked for when a report finds records newer than its aggregates. */
  queues?: JobQueues;
};

export type TFreshReport = TReport & { freshness: TReportFreshness };

/**
 * How current a report kind's figures are. When records changed after the last refresh, the
 * debounced refresh job is asked for (a no-op while one waits), so the figures catch up without
 * anyone waiting for them in a request; failing to ask (Redis away) leaves it to the worker's
 * sweep and is no reason to refuse or delay the report.
 */
async function freshnessFor(deps: TReportsDeps, kind: TReportKind): Promise<TReportFreshness> {
  const freshness = reportFreshness(await readAggregateFreshness(deps.sql, kind), new Date());
  // Not awaited: a slow or absent Redis must not hold the report up.
  if (freshness.updating && deps.queues) void refreshAggregatesSoon(deps.queues).catch(() => '');
  return freshness;
}

async function build(
  deps: TReportsDeps,
  actor: TActor,
  kind: TReportKind,
  query: TReportQuery,
  action: 'report.view' | 'report.export',
): Promise<TFreshReport> {
  const parsed = ZPeriodQuery.safeParse(query);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', { details: { period: 'incomplete' } });
  const period = resolvePeriod(parsed.data);
  const grant = scopeOf(actor, action);
  if (!grant) throw new AppError('FORBIDDEN');
  const organisationHotlines = query.organisation
    ? (
        await deps.db
          .select({ number: hotlines.number })
          .from(hotlines)
          .where(eq(hotlines.organisationKey, query.organisation))
      ).map((h) => h.number)
    : null;
  const scope = reportScopeFor({ actor, grant, filters: query, organisationHotlines });
  const filters = filterLabels(query);
  // Read before the figures: a refresh committing in between makes them newer than said, never older.
  const freshness = await freshnessFor(deps, kind);
  const report = await figures(deps, kind, period, filters, scope);
  return { ...report, freshness };
}

async function figures(
  deps: TReportsDeps,
  kind: TReportKind,
  period: ReturnType<typeof resolvePeriod>,
  filters: ReturnType<typeof filterLabels>,
  scope: ReturnType<typeof reportScopeFor>,
): Promise<TReport> {
  // The figures are read on the replica when there is a fit one (infra/read-replica.ts).
  const read = replicaReader(deps.sql, deps.replica);
  switch (kind) {
    case 'national':
      return nationalReport({
        period,
        filters,
        tallies: await loadNationalTallies(deps.sql, period, scope, read),
        // The service-event aggregate is refreshed on the primary and read on the replica like
        // any other report table: at most REPLICA_MAX_LAG_SECONDS behind.
        events: await read((on) => loadNationalEvents(on, period, scope, deps.sql)),
        matters: await read((on) => loadCounselledMatters(on, period, scope)),
      });
    case 'agencies':
      return agenciesReport({
        period,
        filters,
        figures: await read((on) => loadAgencyFigures(on, period, scope, deps.sql)),
      });
    case 'operations':
      return operationsReport({
        period,
        filters,
        data: await loadOperations(deps.sql, period, scope, read),
      });
    case 'referrals':
      return referralsReport({
        period,
        filters,
        data: await read((sql) => loadReferrals(sql, period, scope)),
      });
  }
}

/** A report on screen: full counts within the actor's reach. */
export function viewReport(
  deps: TReportsDeps,
  actor: TActor,
  kind: TReportKind,
  query: TReportQuery,
): Promise<TFreshReport> {
  return build(deps, actor, kind, query, 'report.view');
}

/** The screen's poll while its figures are being brought up to date. */
export function viewFreshness(
  deps: TReportsDeps,
  actor: TActor,
  kind: TReportKind,
): Promise<TReportFreshness> {
  if (!scopeOf(actor, 'report.view')) throw new AppError('FORBIDDEN');
  return freshnessFor(deps, kind);
}

/**
 * "Refresh now": exact figures for someone about to sign. Audited before the job is asked for (no
 * unaudited refresh); answers at once with the job id and the freshness as it stands, and the
 * screen polls until the watermark moves past it.
 */
export async function requestRefresh(
  deps: TReportsDeps & { queues: JobQueues },
  actor: TActor,
  kind: TReportKind,
): Promise<{ jobId: string; freshness: TReportFreshness }> {
  if (!scopeOf(actor, 'report.refresh')) throw new AppError('FORBIDDEN');
  const now = new Date();
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'report.refresh_requested',
      entityType: 'report',
      entityId: kind,
      data: { requestedAt: now.toISOString() },
    }),
  );
  const jobId = await refreshAggregatesNow(deps.queues, now);
  const freshness = reportFreshness(await readAggregateFreshness(deps.sql, kind), now);
  return { jobId, freshness };
}

export type TExportFile = { filename: string; contentType: string; body: Buffer | string };

/**
 * A report as a file. External exports hide small counts; an administrator may publish tables she
 * approved without it (audited as report.published, with the tables). The audit row is written
 * before the file is handed over: if it cannot be written, no file leaves the system.
 */
export async function exportReport(
  deps: TReportsDeps,
  actor: TActor,
  kind: TReportKind,
  query: TExportQuery,
): Promise<TExportFile> {
  const approved = query.audience === 'published' ? (query.approved ?? []) : [];
  if (query.audience === 'published' && !mayPublishUnsuppressed(actor.role))
    throw new AppError('FORBIDDEN');
  if (query.audience === 'published' && approved.length === 0)
    throw new AppError('VALIDATION_FAILED', { details: { approved: 'required' } });
  const full = await build(deps, actor, kind, query, 'report.export');
  const unknown = approved.filter((key) => !full.tables.some((t) => t.key === key));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      details: { approved: `unknown: ${unknown.join(',')}` },
    });
  const report = forAudience(full, query.audience, approved);
  const name = `saiduan-${kind}-${report.period.from}-${report.period.to}-${query.audience}`;
  const file: TExportFile =
    query.format === 'csv'
      ? {
          filename: `${name}.csv`,
          contentType: 'text/csv; charset=utf-8',
          body: reportToCsv(report),
        }
      : {
          filename: `${name}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: await reportToXlsx(report),
        };
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: query.audience === 'published' ? 'report.published' : 'export.downloaded',
      entityType: 'report',
      entityId: kind,
      data: {
        format: query.format,
        audience: query.audience,
        ...(approved.length > 0 ? { unsuppressedTables: approved } : {}),
        period: report.period,
        filters: report.filters,
      },
    }),
  );
  return file;
}
