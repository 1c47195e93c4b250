import {
  and,
  arrayOverlaps,
  desc,
  eq,
  gte,
  inArray,
  like,
  lt,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import { cases } from '../../../db/schema/cases';
import { staffUsers } from '../../../db/schema/staff';
import type { TActor } from '../auth/actor';
import { scopeOf } from '../auth/permissions.policy';
import type { TTx } from './audit.repository';

export type TAuditFilter = {
  caseCode?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** An exact event name (`case.viewed`) or a family ending in a dot (`case.`). */
  action?: string;
  /** Calendar days in Vientiane time (UTC+7, no daylight saving), both inclusive. */
  from?: string;
  to?: string;
  /** Rows older than this sequence number: the next page of a newest-first list. */
  before?: number;
  limit: number;
};

const VIENTIANE = '+07:00';
const startOfDay = (day: string) => new Date(`${day}T00:00:00${VIENTIANE}`);
const nextDay = (day: string) => new Date(startOfDay(day).getTime() + 86_400_000);

// Case rows are joined by their id as text: the audit log keeps every entity id as text.
const caseOfRow = and(
  eq(auditLog.entityType, 'case'),
  eq(sql`${cases.id}::text`, auditLog.entityId),
) as SQL;

/**
 * Supervisors read what concerns their hotlines: rows about a case of those hotlines, and rows
 * written by staff who work on them. Administrators read everything.
 */
function scopeCondition(actor: TActor): SQL | undefined {
  if (scopeOf(actor, 'audit.view') === 'all') return undefined;
  const hotlines = [...actor.hotlines];
  if (!hotlines.length) return sql`false`;
  return or(inArray(cases.hotline, hotlines), arrayOverlaps(staffUsers.hotlines, hotlines));
}

function filterConditions(filter: TAuditFilter, caseId: string | null): SQL[] {
  const where: SQL[] = [];
  if (filter.caseCode !== undefined) {
    where.push(eq(auditLog.entityType, 'case'), eq(auditLog.entityId, caseId ?? ''));
  }
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) {
    where.push(
      filter.action.endsWith('.')
        ? like(auditLog.action, `${filter.action.replace(/[%_\\]/g, '\\$&')}%`)
        : eq(auditLog.action, filter.action),
    );
  }
  if (filter.from) where.push(gte(auditLog.at, startOfDay(filter.from)));
  if (filter.to) where.push(lt(auditLog.at, nextDay(filter.to)));
  if (filter.before !== undefined) where.push(lt(auditLog.seq, filter.before));
  return where;
}

/**
 * One page of the audit log, newest first, within the reader's scope: `rows` holds one row more
 * than the page when there is a next page. `caseId` is the case the filter's code named, if any.
 */
export async function auditLogPage(tx: TTx, actor: TActor, filter: TAuditFilter) {
  const [caseRow] =
    filter.caseCode === undefined
      ? []
      : await tx
          .select({ id: cases.id })
          .from(cases)
          .where(eq(cases.code, filter.caseCode))
          .limit(1);
  const conditions = [
    ...filterConditions(filter, caseRow?.id ?? null),
    scopeCondition(actor),
  ].filter((c): c is SQL => c !== undefined);
  const rows = await tx
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: staffUsers.displayName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      caseCode: cases.code,
      data: auditLog.data,
    })
    .from(auditLog)
    .leftJoin(cases, caseOfRow)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(filter.limit + 1);
  return { caseId: caseRow?.id ?? null, rows };
}
