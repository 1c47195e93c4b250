import { hkdfSync } from 'node:crypto';
import { and, asc, count, gt, isNotNull, isNull, min } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';
import {
  findChainBreak,
  GENESIS_HASH,
  type TChainBreak,
  type TChainRow,
} from './audit-chain.policy';
import type { TAuditAction } from './audit-actions';

export type TTx = Parameters<Parameters<TDatabase['transaction']>[0]>[0];
export type TDbOrTx = TDatabase | TTx;

/** A key of its own for the chain, derived from HMAC_KEY so no new secret has to be managed. */
export function auditKey(config: Pick<TConfig, 'HMAC_KEY'>): Buffer {
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(config.HMAC_KEY, 'base64'), '', 'saiduan-audit-chain', 32),
  );
}

export type TAuditEntry = {
  actorId: string | null;
  action: TAuditAction;
  entityType: string;
  entityId: string;
  /** Ids and codes only: never names, numbers or free text. */
  data?: Record<string, unknown>;
};

/**
 * Appends one row to the audit log. Call it inside the transaction that makes the change, so
 * the change and its audit row commit or fail together. A plain insert with no lock: the sealer
 * chains the row once it has committed (see audit-sealer.ts), so audited transactions do not
 * queue behind one another.
 */
export async function recordAudit(
  tx: TTx,
  _config: Pick<TConfig, 'HMAC_KEY'>,
  entry: TAuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    at: new Date(),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data ?? {},
  });
}

export type TUnsealedTail = { rows: number; oldestAt: Date | null };

/** Committed rows the sealer has not chained yet: a growing or old tail means it is not running. */
export async function unsealedTail(db: TDatabase): Promise<TUnsealedTail> {
  const [tail] = await db
    .select({ rows: count(), oldestAt: min(auditLog.at) })
    .from(auditLog)
    .where(isNull(auditLog.chainPos));
  return { rows: tail?.rows ?? 0, oldestAt: tail?.oldestAt ?? null };
}

/**
 * Walks the sealed chain in chain order, in batches; `firstBreak` null means intact. `rows`
 * counts the sealed rows checked; `unsealed` is the tail still waiting for the sealer, which
 * the chain cannot vouch for yet.
 */
export async function verifyAuditChain(
  db: TDatabase,
  config: Pick<TConfig, 'HMAC_KEY'>,
  batchSize = 5000,
): Promise<{ rows: number; firstBreak: TChainBreak | null; unsealed: TUnsealedTail }> {
  const key = auditKey(config);
  let prev = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(isNotNull(auditLog.chainPos), gt(auditLog.chainPos, after)))
      .orderBy(asc(auditLog.chainPos))
      .limit(batchSize);
    if (!rows.length) return { rows: checked, firstBreak: null, unsealed: await unsealedTail(db) };
    const chained: TChainRow[] = rows.map(({ chainPos: _c, ...row }) => ({
      ...row,
      prevHash: row.prevHash ?? '',
      hash: row.hash ?? '',
    }));
    const broken = findChainBreak(key, chained, prev);
    if (broken) return { rows: checked, firstBreak: broken, unsealed: await unsealedTail(db) };
    const last = rows[rows.length - 1] as (typeof rows)[number];
    prev = last.hash ?? '';
    after = last.chainPos ?? after;
    checked += rows.length;
  }
}
