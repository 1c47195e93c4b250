import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedis, redisReady } from '../../../src/infra/redis';
import type { TPendingWrite } from '../../../src/modules/voice/calls/pending-write';
import { redisReconciliationJournal } from '../../../src/modules/voice/calls/reconciliation-journal';
import { startRedisCluster, type TRedisTopology } from '../../support/redis-topology';

// On a Redis Cluster, the writes a crashed API node still owed Postgres must be found by the
// next node wherever the cluster keeps them: a SCAN reaches one node only, and a RENAME between
// two slots is refused, so both once lost the journal of a node that crashed in a Postgres outage.
let cluster: TRedisTopology;

beforeAll(async () => {
  cluster = await startRedisCluster(3);
}, 120_000);
afterAll(async () => cluster?.stop());

const status = (at: string): TPendingWrite => ({
  type: 'status',
  status: 'completed',
  at: new Date(at),
});

describe('reconciliation journal on a Redis Cluster', () => {
  it('hands every crashed node’s writes to the next node, once', async () => {
    const redis = openRedis(cluster.url);
    redis.on('error', () => {});
    await redisReady(redis, 10_000);
    try {
      // Several crashed nodes, so their journals would have landed on different masters.
      const crashed = Array.from({ length: 6 }, () => redisReconciliationJournal(redis, 'jt'));
      const owed = new Map<string, string>();
      for (const [i, node] of crashed.entries()) {
        const sid = `CA${String(i).padStart(32, '0')}`;
        node.save(sid, [status(`2026-12-01T03:0${i}:00Z`)]);
        owed.set(sid, `2026-12-01T03:0${i}:00.000Z`);
      }
      const live = redisReconciliationJournal(redis, 'jt');
      await live.heartbeat();
      live.save('CAlive', [status('2026-12-01T04:00:00Z')]);

      const next = redisReconciliationJournal(redis, 'jt');
      await next.heartbeat();
      await expect
        .poll(async () => (await redis.smembers('jt:{telephony-journal}:nodes')).length)
        .toBe(7);
      const claimed = await next.claimOrphans();
      expect(
        new Map(
          claimed.map(([sid, writes]) => [sid, (writes[0] as { at: Date }).at.toISOString()]),
        ),
      ).toEqual(owed);
      // A live node keeps its own; a second claim finds nothing more.
      expect(await redis.hlen(`jt:{telephony-journal}:pending:${live.nodeId}`)).toBe(1);
      expect(await redisReconciliationJournal(redis, 'jt').claimOrphans()).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});
