import { hkdfSync } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';
import {
  chainHash,
  findChainBreak,
  GENESIS_HASH,
  type TChainBreak,
  type TChainRow,
} from './audit-chain.policy';
import type { TAuditAction } from './audit-actions';

export type TTx = Parameters<Parameters<TDatabase['transaction']>[0]>[0];
export type TDbOrTx = TDatabase | TTx;

// One writer at a time extends the chain; the lock is released when the caller's transaction ends.
const AUDIT_CHAIN_LOCK = 736_202;

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
 * Appends one row to the audit chain. Call it inside the transaction that makes the change, so
 * the change and its audit row commit or fail together.
 */
export async function recordAudit(
  tx: TTx,
  config: Pick<TConfig, 'HMAC_KEY'>,
  entry: TAuditEntry,
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const seq = (last?.seq ?? 0) + 1;
  const content = {
    seq,
    at: new Date(),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data ?? {},
  };
  await tx
    .insert(auditLog)
    .values({ ...content, prevHash, hash: chainHash(auditKey(config), prevHash, content) });
}

/** Walks the whole chain in batches; null means intact. */
export async function verifyAuditChain(
  db: TDatabase,
  config: Pick<TConfig, 'HMAC_KEY'>,
  batchSize = 5000,
): Promise<{ rows: number; firstBreak: TChainBreak | null }> {
  const key = auditKey(config);
  let prev = GENESIS_HASH;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows: TChainRow[] = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (!rows.length) return { rows: count, firstBreak: null };
    const broken = findChainBreak(key, rows, prev);
    if (broken) return { rows: count, firstBreak: broken };
    const last = rows[rows.length - 1] as TChainRow;
    prev = last.hash;
    after = last.seq;
    count += rows.length;
  }
}
