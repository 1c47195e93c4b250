import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { eventually } from '../../fixtures/simulator.fixture';
import { startFaultRig, type TFaultRig } from '../support/fault-rig';
import { printFigures, settledFigures } from '../support/invariants.checker';
import { callsOver, placeCallers, sleep } from '../support/scenario';

// Fault: Redis killed (SIGKILL) while callers wait, more callers arrive during the outage, then
// Redis comes back from its AOF. Webhooks must keep answering TwiML in time, never a 5xx, and
// every call must end recorded, with nothing left waiting in Redis.
let rig: TFaultRig;

beforeAll(async () => {
  rig = await startFaultRig({ ownRedis: true, msPerSecond: 20 });
});
afterAll(async () => rig?.close());

describe('fault: Redis down during live calls', () => {
  it('answers every webhook in time and loses no call', async () => {
    const queue = waitingQueue(rig.redis, rig.stores.config.REDIS_PREFIX);
    const before = placeCallers(rig, 3, () => 250);
    await eventually(async () => {
      const places = await Promise.all(before.map((c) => queue.position(c.sid, '1362')));
      return places.every((p) => p !== null);
    }, 15_000);
    rig.ownRedis?.kill();
    const during = placeCallers(rig, 3, () => 60);
    await sleep(3000);
    await rig.ownRedis?.restart();
    const placed = [...before, ...during];
    await callsOver(rig, placed);
    const figures = await settledFigures(rig, 'redis killed, restarted from AOF', placed);
    printFigures(figures);
    expect(figures.problems).toEqual([]);
    expect(figures.overDeadline).toBe(0);
  }, 90_000); // a 3 s outage plus the reconciler's settling on a loaded machine
});
