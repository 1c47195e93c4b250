import { statusHolder, type TSoftphone } from './softphone';

export type TSimulatorRings = {
  /** Rings waiting for this user's `client:<userId>` softphone. */
  pending: () => Promise<Array<{ id: string }>>;
  answer: (ringId: string) => Promise<void>;
  hangup: (ringId: string) => Promise<void>;
};

const POLL_MS = 1000;

/**
 * Simulator mode: there is no audio; the "softphone" answers the ring the simulator places for
 * this counsellor, exactly where the Twilio Device would accept its incoming call.
 */
export function simulatorSoftphone(rings: TSimulatorRings): TSoftphone {
  const status = statusHolder('starting');
  let timer: ReturnType<typeof setInterval> | null = null;
  let current: string | null = null;

  const poll = async () => {
    const waiting = await rings.pending().catch(() => []);
    const next = waiting[0];
    if (!next || next.id === current) return;
    current = next.id;
    status.set('ringing');
    await rings
      .answer(next.id)
      .then(() => status.set('connected'))
      .catch(() => status.set('failed'));
  };

  return {
    kind: 'simulator',
    status: status.get,
    onStatus: status.on,
    start: async () => {
      timer = setInterval(() => void poll(), POLL_MS);
      status.set('ready');
    },
    setMuted: () => undefined,
    disconnect: () => {
      if (current) void rings.hangup(current);
      current = null;
      status.set('ready');
    },
    stop: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
