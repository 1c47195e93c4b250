import type { TSimulator } from '../../../src/simulator/simulator';
import { actOnRing } from '../../../src/simulator/endpoints';

/** Answers the ring the simulator places on a counsellor's softphone once it starts ringing. */
export async function answerSoftphone(sim: TSimulator, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ring = [...sim.engine.state.rings.values()].find(
      (r) => r.kind === 'softphone' && r.state === 'ringing',
    );
    if (ring) {
      actOnRing(sim.engine, ring.id, 'answer');
      return ring.callSid;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the softphone never rang');
}
