import { afterAll, beforeAll, describe, it } from 'vitest';
import { startRedisSentinel, type TRedisTopology } from '../../support/redis-topology';
import { startFaultRig, type TFaultRig } from '../support/fault-rig';
import {
  expectSurvivedFailover,
  FAILOVER_ENV,
  surgeThroughFailover,
} from '../support/redis-failover.scenario';

// One master with two replicas under three Sentinels (quorum two), from Debian's redis-server.
// The master is killed during a surge: the sentinels promote a replica, the application's
// clients follow the switch, and routing goes on from what was replicated.
let sentinel: TRedisTopology;
let rig: TFaultRig;

beforeAll(async () => {
  sentinel = await startRedisSentinel(2);
  rig = await startFaultRig({ redisUrl: sentinel.url, msPerSecond: 20, env: FAILOVER_ENV });
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await sentinel?.stop();
});

describe('Redis Sentinel: the master dies during a surge', () => {
  it('answers every caller once and leaves no counsellor offered', async () => {
    const outcome = await surgeThroughFailover(rig, sentinel, 'Redis Sentinel master killed');
    expectSurvivedFailover(outcome);
  }, 240_000);
});
