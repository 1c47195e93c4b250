import { afterAll, beforeAll, describe, it } from 'vitest';
import { startRedisCluster, type TRedisTopology } from '../../support/redis-topology';
import { startFaultRig, type TFaultRig } from '../support/fault-rig';
import {
  expectSurvivedFailover,
  FAILOVER_ENV,
  surgeThroughFailover,
} from '../support/redis-failover.scenario';

// Redis Cluster of three masters with a replica each (Debian's redis-server, started here). The
// master owning the routing slot, where the hotline's queue lives, is killed during a surge:
// its replica takes over, and routing goes on from what was replicated.
let cluster: TRedisTopology;
let rig: TFaultRig;

beforeAll(async () => {
  cluster = await startRedisCluster(3);
  rig = await startFaultRig({ redisUrl: cluster.url, msPerSecond: 20, env: FAILOVER_ENV });
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await cluster?.stop();
});

describe('Redis Cluster: the master holding the queue dies during a surge', () => {
  it('answers every caller once and leaves no counsellor offered', async () => {
    const outcome = await surgeThroughFailover(rig, cluster, 'Redis Cluster master killed');
    expectSurvivedFailover(outcome);
  }, 240_000);
});
