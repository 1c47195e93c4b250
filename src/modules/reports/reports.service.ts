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
import type { TReport } from './report-table.types';
import type { TExportQuery, TReportKind, TReportQuery } from '../../contracts/api/reports';
import { loadCounselledMatters } from './counselled-matters.repository';
import { loadNationalEvents } from './national-events.repository';
import { loadNationalTallies } from './national-tallies.service';
import { loadReferrals } from './referrals.repository';
import { referralsReport } from './referrals-report.policy';
import { reportToXlsx } from './xlsx.writer';

export type TReportsDeps = Pick<TAppDeps, 'db' | 'sql' | 'config' | 'replica'>;

async function build(
  deps: TReportsDeps,
  actor: TActor,
  kind: TReportKind,
  query: TReportQuery,
  action: 'report.view' | 'report.export',
): Promise<TReport> {
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
): Promise<TReport> {
  return build(deps, actor, kind, query, 'report.view');
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
