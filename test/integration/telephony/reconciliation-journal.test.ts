import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type TDatabaseHandle } from '../../../src/infra/database';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { createCallLifecycle } from '../../../src/modules/voice/call-lifecycle.events';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { reconciliationBuffer } from '../../../src/modules/voice/calls/reconciliation-buffer';
import {
  journalKeys,
  redisReconciliationJournal,
} from '../../../src/modules/voice/calls/reconciliation-journal';
import { newCallSid } from '../../fixtures/telephony.fixture';
import { freePort } from '../../../scripts/local/free-port';
import { createTestStores, type TTestStores } from '../../support/test-stores';

// A node takes calls while Postgres is down, then crashes before Postgres returns: the writes it
// owed are in its Redis journal, and the next node to start records those calls.
let stores: TTestStores;
let unreachable: TDatabaseHandle;

beforeAll(async () => {
  stores = await createTestStores();
  // Nothing listens there: every write fails as with Postgres stopped.
  unreachable = openDatabase(`postgres://x:y@127.0.0.1:${await freePort()}/none`, { max: 1 });
});
afterAll(async () => {
  await unreachable?.close().catch(() => {});
  await stores?.cleanup();
});

function node(db: TDatabaseHandle) {
  const prefix = stores.config.REDIS_PREFIX;
  const journal = redisReconciliationJournal(stores.redis, prefix);
  const buffer = reconciliationBuffer({
    calls: callsRepository(db.db),
    queue: waitingQueue(stores.redis, prefix),
    routing: { queued: () => {}, left: () => {}, ended: () => {} },
    events: createCallLifecycle(),
    journal,
  });
  return { journal, buffer, key: journalKeys(prefix).pending(journal.nodeId) };
}

const pendingCall = (callSid: string) => [
  {
    type: 'call' as const,
    call: {
      callSid,
      hotline: '1362',
      fromEncrypted: null,
      fromHash: 'hash',
      route: 'queued',
      language: 'lo',
      enqueuedAt: new Date('2026-12-01T03:00:05Z'),
      startedAt: new Date('2026-12-01T03:00:00Z'),
      needsReconciliation: true,
    },
  },
  {
    type: 'event' as const,
    event: { callSid, kind: 'incoming', payload: { CallSid: callSid }, receivedAt: new Date() },
  },
  { type: 'status' as const, status: 'completed' as const, at: new Date('2026-12-01T03:02:00Z') },
];

describe('reconciliation journal', () => {
  it('records the calls of a node that crashed during a Postgres outage', async () => {
    const crashed = node(unreachable);
    await crashed.journal.heartbeat();
    const sids = [newCallSid(), newCallSid()];
    for (const sid of sids) for (const w of pendingCall(sid)) crashed.buffer.add(sid, w);
    expect((await crashed.buffer.flush()).remaining).toBe(2); // Postgres is still "down"
    expect(await stores.redis.hlen(crashed.key)).toBe(2);

    // A live node's journal is its own business.
    const other = node(stores.database);
    expect(await other.journal.claimOrphans()).toEqual([]);

    // The crashed node's heartbeat runs out; the next node to start takes its journal over.
    await stores.redis.del(journalKeys(stores.config.REDIS_PREFIX).alive(crashed.journal.nodeId));
    const next = node(stores.database);
    await next.journal.heartbeat();
    const orphans = await next.journal.claimOrphans();
    expect(orphans.map(([sid]) => sid).sort()).toEqual([...sids].sort());
    for (const [sid, writes] of orphans) next.buffer.restore(sid, writes);
    expect(await stores.redis.exists(crashed.key)).toBe(0);

    expect(await next.buffer.flush()).toEqual({ replayed: 6, remaining: 0 });
    const calls = callsRepository(stores.database.db);
    for (const sid of sids) {
      const row = await calls.findCall(sid);
      expect(row?.status).toBe('completed');
      expect(row?.needsReconciliation).toBe(true);
      expect(row?.enqueuedAt).toEqual(new Date('2026-12-01T03:00:05Z'));
      expect(await calls.eventsOf(sid)).toHaveLength(1);
    }
    // Nothing left owed: the new node's journal is empty again.
    await expect.poll(() => stores.redis.hlen(next.key)).toBe(0);
  });
});
