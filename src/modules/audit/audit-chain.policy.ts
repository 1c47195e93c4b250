import { createHmac } from 'node:crypto';

/** The fields of an audit row that its hash covers, in a fixed order. */
export type TAuditContent = {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
};

export const GENESIS_HASH = 'genesis';

// Keys sorted at every depth so jsonb's own key order cannot change the hash.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * HMAC of the previous hash and this row. Keyed, so someone who can write to the database but
 * does not hold the key cannot rebuild a consistent chain after editing a row.
 */
export function chainHash(key: Buffer, prevHash: string, row: TAuditContent): string {
  const body = canonical({ ...row, at: row.at.toISOString() });
  return createHmac('sha256', key).update(prevHash).update('\n').update(body).digest('base64url');
}

export type TChainRow = TAuditContent & { prevHash: string; hash: string };

export type TChainBreak = { seq: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };

/** Checks rows in seq order; returns the first break or null. `startPrev` continues a previous batch. */
export function findChainBreak(
  key: Buffer,
  rows: readonly TChainRow[],
  startPrev: string,
): TChainBreak | null {
  let prev = startPrev;
  for (const row of rows) {
    if (row.prevHash !== prev) return { seq: row.seq, reason: 'prev_hash_mismatch' };
    const { prevHash: _p, hash, ...content } = row;
    if (chainHash(key, prev, content) !== hash) return { seq: row.seq, reason: 'hash_mismatch' };
    prev = hash;
  }
  return null;
}

export type TChainHead = { chainPos: number; hash: string };
export type TSealed = { seq: number; chainPos: number; prevHash: string; hash: string };

/**
 * Chains rows onto the head in the order given (the sealer passes them by seq). Returns what
 * to write to each row; the first row of an empty log links to the genesis hash.
 */
export function sealRows(
  key: Buffer,
  head: TChainHead | null,
  rows: readonly TAuditContent[],
): TSealed[] {
  let prev = head?.hash ?? GENESIS_HASH;
  let pos = head?.chainPos ?? 0;
  return rows.map((row) => {
    pos += 1;
    const hash = chainHash(key, prev, row);
    const sealed = { seq: row.seq, chainPos: pos, prevHash: prev, hash };
    prev = hash;
    return sealed;
  });
}
