import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { eventually } from '../../fixtures/simulator.fixture';
import { startFaultRig, type TFaultRig } from '../support/fault-rig';
import { printFigures, settledFigures } from '../support/invariants.checker';
import { callsOver, placeCallers, sleep } from '../support/scenario';

// Fault: Postgres stopped while callers wait and new ones arrive (FAULT_PG_OUTAGE_SECONDS),
// then started again. Callers must still get TwiML in time (last-known hotline settings,
// writes kept in the reconciliation buffer) and every call must end recorded.
const OUTAGE_MS = Number(process.env.FAULT_PG_OUTAGE_SECONDS ?? 15) * 1000;
let rig: TFaultRig;

beforeAll(async () => {
  rig = await startFaultRig({ ownPostgres: true, msPerSecond: 20 });
});
afterAll(async () => rig?.close());

describe('long fault: Postgres stopped during calls', () => {
  it('keeps answering callers and records every call once Postgres is back', async () => {
    const queue = waitingQueue(rig.redis, rig.stores.config.REDIS_PREFIX);
    const before = placeCallers(rig, 3, () => Math.ceil(OUTAGE_MS / 20) + 150);
    await eventually(async () => {
      const places = await Promise.all(before.map((c) => queue.position(c.sid, '1362')));
      return places.every((p) => p !== null);
    }, 15_000);
    await rig.ownPostgres?.stop();
    const during = [];
    for (let t = 0; t < OUTAGE_MS; t += 3000) {
      during.push(...placeCallers(rig, 2, () => 60));
      await sleep(Math.min(3000, OUTAGE_MS - t));
    }
    await rig.ownPostgres?.start();
    const placed = [...before, ...during];
    await callsOver(rig, placed, 120_000);
    const figures = await settledFigures(
      rig,
      `postgres stopped ${OUTAGE_MS / 1000}s`,
      placed,
      30_000,
    );
    printFigures(figures);
    expect(figures.problems).toEqual([]);
    expect(figures.overDeadline).toBe(0);
  });
});
