import { describe, expect, it } from 'vitest';
import {
  chainHash,
  findChainBreak,
  GENESIS_HASH,
  sealRows,
  type TChainRow,
  type TSealed,
} from '../../../src/modules/audit/audit-chain.policy';

const key = Buffer.alloc(32, 7);

function chain(n: number): TChainRow[] {
  const rows: TChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorId: null,
      action: 'case.viewed',
      entityType: 'case',
      entityId: `c${seq}`,
      data: { b: 1, a: [seq] },
    };
    const hash = chainHash(key, prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('accepts an untouched chain whatever the key order inside data', () => {
    const rows = chain(5).map((r) => ({ ...r, data: { a: r.data.a, b: r.data.b } }));
    expect(findChainBreak(key, rows, GENESIS_HASH)).toBeNull();
  });

  it('finds an edited, a removed and a reordered row', () => {
    const edited = chain(5);
    (edited[2] as TChainRow).entityId = 'someone-else';
    expect(findChainBreak(key, edited, GENESIS_HASH)).toEqual({ seq: 3, reason: 'hash_mismatch' });
    const removed = chain(5).filter((r) => r.seq !== 2);
    expect(findChainBreak(key, removed, GENESIS_HASH)).toEqual({
      seq: 3,
      reason: 'prev_hash_mismatch',
    });
    const [a, b, ...rest] = chain(4);
    expect(findChainBreak(key, [b, a, ...rest] as TChainRow[], GENESIS_HASH)?.seq).toBe(2);
  });

  it('cannot be rebuilt without the key', () => {
    const rows = chain(3);
    const forged = { ...(rows[1] as TChainRow), entityId: 'forged' };
    forged.hash = chainHash(Buffer.alloc(32, 8), forged.prevHash, forged);
    expect(findChainBreak(key, [rows[0], forged, rows[2]] as TChainRow[], GENESIS_HASH)).toEqual({
      seq: 2,
      reason: 'hash_mismatch',
    });
  });
});

describe('sealing', () => {
  const content = (seq: number) => ({
    seq,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
    actorId: null,
    action: 'case.viewed',
    entityType: 'case',
    entityId: `c${seq}`,
    data: {},
  });

  it('chains batches onto the head so the whole chain verifies', () => {
    const first = sealRows(key, null, [content(1), content(2)]);
    expect(first.map((s) => s.chainPos)).toEqual([1, 2]);
    expect(first[0]?.prevHash).toBe(GENESIS_HASH);
    const last = first[1] as TSealed;
    // seq 5 committed before seq 4: the chain follows the order the sealer saw them in.
    const second = sealRows(key, { chainPos: last.chainPos, hash: last.hash }, [
      content(5),
      content(4),
    ]);
    expect(second.map((s) => [s.seq, s.chainPos])).toEqual([
      [5, 3],
      [4, 4],
    ]);
    const rows: TChainRow[] = [...first, ...second].map((s) => ({
      ...content(s.seq),
      prevHash: s.prevHash,
      hash: s.hash,
    }));
    expect(findChainBreak(key, rows, GENESIS_HASH)).toBeNull();
  });
});
