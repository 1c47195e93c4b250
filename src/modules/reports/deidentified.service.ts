import type { TActor } from '../auth/actor';
import { scopeOf } from '../auth/permissions.policy';
import { recordAudit } from '../audit/audit.repository';
import { AppError } from '../../errors/catalogue';
import { replicaReader } from '../../infra/read-replica';
import { field } from './csv.writer';
import { deidentify, quasiIdentifiers } from './deidentified.policy';
import { loadVictimRows } from './deidentified.repository';
import { resolvePeriod, ZPeriodQuery } from './report-period.policy';
import { reportScopeFor } from './report-scope.policy';
import type { TReportQuery } from '../../contracts/api/reports';
import type { TExportFile, TReportsDeps } from './reports.service';

/**
 * The de-identified dataset as CSV: one row per victim, k-anonymous on its quasi-identifiers.
 * Its first line says k, the generalisation applied and how many rows were withheld, so whoever
 * reads the file knows what was held back and why. The download is audited.
 */
export async function exportDeidentified(
  deps: TReportsDeps,
  actor: TActor,
  query: TReportQuery & { k: number },
): Promise<TExportFile> {
  const parsed = ZPeriodQuery.safeParse(query);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', { details: { period: 'incomplete' } });
  const period = resolvePeriod(parsed.data);
  const grant = scopeOf(actor, 'report.export');
  if (!grant) throw new AppError('FORBIDDEN');
  const scope = reportScopeFor({ actor, grant, filters: query, organisationHotlines: null });
  const rows = await replicaReader(
    deps.sql,
    deps.replica,
  )((sql) => loadVictimRows(sql, period, scope));
  const result = deidentify(rows, { k: query.k });
  const levels = quasiIdentifiers.map((q) => `${q}=${result.levels[q]}`).join(' ');
  const lines = [
    `# k=${result.k}; generalisation levels ${levels}; ${result.withheld} rows of combinations rarer than k withheld`,
    [...quasiIdentifiers, 'forms'].join(','),
    ...result.rows.map((r) => [...quasiIdentifiers.map((q) => r[q]), r.forms].map(field).join(',')),
  ];
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'export.downloaded',
      entityType: 'report',
      entityId: 'deidentified',
      data: { k: result.k, rows: result.rows.length, withheld: result.withheld, period },
    }),
  );
  return {
    filename: `saiduan-deidentified-${period.from}-${period.to}-k${result.k}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: `${lines.join('\n')}\n`,
  };
}
