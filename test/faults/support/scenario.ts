import type { TSimCall } from '../../../src/simulator/sim-state';
import { eventually } from '../../fixtures/simulator.fixture';
import type { TFaultRig } from './fault-rig';

let serial = 0;

/** Places `count` simulated callers on 1362 who pick a language and hang up after a while. */
export function placeCallers(
  rig: TFaultRig,
  count: number,
  hangupAfterSeconds: () => number,
): TSimCall[] {
  return Array.from({ length: count }, () =>
    rig.sim.placeCall({
      hotline: '1362',
      from: `+8562077${String(100000 + serial++).slice(-6)}`,
      digits: [serial % 2 ? '1' : '2'],
      hangupAfterSeconds: hangupAfterSeconds(),
    }),
  );
}

/** Waits until every call is over on the simulator's side and the proxy has gone quiet. */
export async function callsOver(rig: TFaultRig, placed: TSimCall[], timeoutMs = 60_000) {
  await eventually(() => placed.every((c) => rig.sim.engine.isOver(c)), timeoutMs);
  let seen = -1;
  await eventually(async () => {
    const now = rig.proxy.answers.length;
    const quiet = now === seen;
    seen = now;
    await new Promise((r) => setTimeout(r, 300));
    return quiet;
  }, timeoutMs);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
