import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';
import { recordAudit, type TAuditEntry, type TTx } from './audit.repository';

export type TReadWithAuditDeps = { db: TDatabase; config: Pick<TConfig, 'HMAC_KEY'> };

/**
 * Runs a read and writes its audit entry in one transaction, so nobody reads a record without
 * leaving the trace of it: when the read throws (not found, not allowed) nothing is written, and
 * when the audit row cannot be written the reader gets nothing. The entry is built from what was
 * read (ids and counts only, never the personal fields).
 */
export async function readWithAudit<T>(
  deps: TReadWithAuditDeps,
  read: (tx: TTx) => Promise<T>,
  entry: (result: T) => TAuditEntry,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const result = await read(tx);
    await recordAudit(tx, deps.config, entry(result));
    return result;
  });
}
