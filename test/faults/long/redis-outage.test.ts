import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { eventually } from '../../fixtures/simulator.fixture';
import { startFaultRig, type TFaultRig } from '../support/fault-rig';
import { printFigures, settledFigures } from '../support/invariants.checker';
import { callsOver, placeCallers, sleep } from '../support/scenario';

// Long faults: Redis down for a minute (FAULT_OUTAGE_SECONDS) with callers arriving all along,
// and Redis coming back empty (its data lost). Same invariants as the fast scenario.
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_SECONDS ?? 60) * 1000;
let rig: TFaultRig;

beforeAll(async () => {
  rig = await startFaultRig({ ownRedis: true, msPerSecond: 20 });
});
afterAll(async () => rig?.close());

async function outage(loseData: boolean, label: string) {
  const queue = waitingQueue(rig.redis, rig.stores.config.REDIS_PREFIX);
  rig.proxy.answers.length = 0;
  const before = placeCallers(rig, 4, () => Math.ceil(OUTAGE_MS / 20 / 1000) * 1000 + 200);
  await eventually(async () => {
    const places = await Promise.all(before.map((c) => queue.position(c.sid, '1362')));
    return places.every((p) => p !== null);
  }, 15_000);
  rig.ownRedis?.kill();
  const during = [];
  for (let t = 0; t < OUTAGE_MS; t += 5000) {
    during.push(...placeCallers(rig, 2, () => 100));
    await sleep(Math.min(5000, OUTAGE_MS - t));
  }
  await rig.ownRedis?.restart({ loseData });
  const placed = [...before, ...during];
  await callsOver(rig, placed, OUTAGE_MS * 4 + 60_000);
  const figures = await settledFigures(rig, label, placed, 30_000);
  printFigures(figures);
  return figures;
}

describe('long fault: Redis outages', () => {
  it('survives a minute without Redis', async () => {
    const figures = await outage(false, `redis down ${OUTAGE_MS / 1000}s, AOF kept`);
    expect(figures.problems).toEqual([]);
    expect(figures.overDeadline).toBe(0);
  });

  it('survives Redis coming back with its data lost', async () => {
    const figures = await outage(true, `redis down ${OUTAGE_MS / 1000}s, data lost`);
    expect(figures.problems).toEqual([]);
    expect(figures.overDeadline).toBe(0);
  });
});
