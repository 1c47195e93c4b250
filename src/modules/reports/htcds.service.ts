import { AppError } from '../../errors/catalogue';
import { replicaReader } from '../../infra/read-replica';
import type { TActor } from '../auth/actor';
import { scopeOf } from '../auth/permissions.policy';
import { recordAudit } from '../audit/audit.repository';
import { field } from './csv.writer';
import { encryptWithPassphrase } from './htcds-file.crypto';
import { htcdsColumns } from './htcds-fields';
import { toHtcdsRecord } from './htcds.policy';
import { loadHtcdsRows } from './htcds.repository';
import { resolvePeriod, ZPeriodQuery } from './report-period.policy';
import { filterLabels, reportScopeFor } from './report-scope.policy';
import type { TReportQuery } from '../../contracts/api/reports';
import type { TExportFile, TReportsDeps } from './reports.service';

/**
 * Case-level records in the HTCDS field list (htcds-fields.ts) as CSV, one row per victim on each
 * case opened in the period. With a passphrase the file is AES-256-GCM encrypted as well as sent
 * over HTTPS (htcds-file.crypto.ts). The audit row (period, filters, row count, whether
 * encrypted, never the passphrase) is written before the file is handed over.
 */
export async function exportHtcds(
  deps: TReportsDeps,
  actor: TActor,
  query: TReportQuery & { passphrase?: string | undefined },
): Promise<TExportFile> {
  const parsed = ZPeriodQuery.safeParse(query);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', { details: { period: 'incomplete' } });
  const period = resolvePeriod(parsed.data);
  const grant = scopeOf(actor, 'report.htcds-export');
  if (!grant) throw new AppError('FORBIDDEN');
  const scope = reportScopeFor({ actor, grant, filters: query, organisationHotlines: null });
  const rows = await replicaReader(
    deps.sql,
    deps.replica,
  )((sql) => loadHtcdsRows(sql, period, scope));
  const records = rows.map(toHtcdsRecord);
  const csv = [
    htcdsColumns.join(','),
    ...records.map((r) => htcdsColumns.map((c) => field(r[c] ?? '')).join(',')),
  ].join('\r\n');
  const plain = Buffer.from(`\uFEFF${csv}\r\n`, 'utf8');
  const passphrase = query.passphrase;
  const encrypted = passphrase !== undefined;
  const body = encrypted ? await encryptWithPassphrase(plain, passphrase) : plain;
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'export.downloaded',
      entityType: 'report',
      entityId: 'htcds',
      data: { rows: records.length, encrypted, period, filters: filterLabels(query) },
    }),
  );
  const name = `saiduan-htcds-${period.from}-${period.to}.csv`;
  return encrypted
    ? { filename: `${name}.enc`, contentType: 'application/octet-stream', body }
    : { filename: name, contentType: 'text/csv; charset=utf-8', body };
}
