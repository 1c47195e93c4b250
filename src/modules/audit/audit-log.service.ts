import type { TActor } from '../auth/actor';
import { auditLogPage, type TAuditFilter } from './audit-log.repository';
import { readWithAudit, type TReadWithAuditDeps } from './read-with-audit.service';

/**
 * One page of the audit log for the reader. Reading it is itself audited (filters by name and
 * codes only), in the same transaction as the read.
 */
export async function readAuditLog(deps: TReadWithAuditDeps, actor: TActor, filter: TAuditFilter) {
  const { rows } = await readWithAudit(
    deps,
    (tx) => auditLogPage(tx, actor, filter),
    (read) => ({
      actorId: actor.userId,
      action: 'audit.viewed',
      entityType: 'audit_log',
      entityId: read.caseId ?? filter.entityId ?? 'search',
      data: {
        filters: Object.keys(filter)
          .filter((k) => k !== 'limit')
          .sort(),
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.actorId ? { actorId: filter.actorId } : {}),
        rows: Math.min(read.rows.length, filter.limit),
      },
    }),
  );
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: rows.length > filter.limit && last ? last.seq : null,
  };
}
