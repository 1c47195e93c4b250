import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSimCall } from '../../../src/simulator/sim-state';
import { eventually } from '../../fixtures/simulator.fixture';
import { startFaultRig, type TFaultRig } from '../support/fault-rig';
import { printFigures, settledFigures } from '../support/invariants.checker';

// Fault: every Twilio webhook delivered 2–10 times at once, status callbacks doubled, reversed
// and delayed so they overtake each other. Nothing may be lost, doubled or answered late.
let rig: TFaultRig;
const rand = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

beforeAll(async () => {
  rig = await startFaultRig({ msPerSecond: 20 });
  rig.proxy.faults.copies = () => rand(2, 10);
  rig.proxy.faults.statusDelayMs = () => rand(0, 150);
});
afterAll(async () => rig?.close());

describe('fault: duplicated and shuffled Twilio webhooks', () => {
  it('keeps one terminal record per call, no ghost in the queue, every answer in time', async () => {
    const placed: TSimCall[] = [];
    for (let i = 0; i < 6; i++)
      placed.push(
        rig.sim.placeCall({
          hotline: '1362',
          from: `+85620555${String(1000 + i)}`,
          digits: [i % 2 ? '1' : '2'],
          hangupAfterSeconds: rand(4, 25),
          statusCallbacks: { duplicate: true, outOfOrder: i % 2 === 0 },
        }),
      );
    await eventually(() => placed.every((c) => rig.sim.engine.isOver(c)), 20_000);
    // Delayed status callbacks are still on their way: wait until the proxy goes quiet.
    let seen = -1;
    await eventually(async () => {
      const now = rig.proxy.answers.length;
      const quiet = now === seen;
      seen = now;
      await new Promise((r) => setTimeout(r, 300));
      return quiet;
    }, 10_000);
    const figures = await settledFigures(rig, 'duplicate+shuffled webhooks', placed, 30_000);
    printFigures(figures);
    expect(figures.problems).toEqual([]);
    expect(figures.webhooks).toBeGreaterThan(placed.length * 4);
    expect(figures.overDeadline).toBe(0);
  }, 90_000); // settling waits for the reconciler (every 2 s) on a loaded machine
});
