import { randomBytes } from 'node:crypto';
import type { TCallEngine } from './call-engine';
import type { TRing, TSimCall } from './sim-state';

export type TRingOutcome = 'answered' | 'no-answer' | 'busy' | 'canceled';

const resolvers = new WeakMap<TRing, (outcome: TRingOutcome) => void>();

/**
 * Rings a simulated softphone (`client:<identity>`, answered from the web console through the
 * control API) or mobile (E.164; answers by itself if configured). The new leg is a call of its own.
 */
export function ring(
  engine: TCallEngine,
  args: {
    target: string;
    from: string;
    parentCallSid: string | null;
    timeoutSeconds: number;
    child?: TSimCall;
  },
): { ring: TRing; call: TSimCall; outcome: Promise<TRingOutcome> } {
  const call =
    args.child ??
    engine.newCall({
      from: args.from,
      to: args.target,
      direction: 'outbound-dial',
      parentCallSid: args.parentCallSid,
    });
  const entry: TRing = {
    id: `RG${randomBytes(8).toString('hex')}`,
    target: args.target,
    kind: args.target.startsWith('client:') ? 'softphone' : 'mobile',
    from: args.from,
    callSid: call.sid,
    parentCallSid: args.parentCallSid,
    state: 'ringing',
    createdAt: new Date(),
  };
  engine.state.rings.set(entry.id, entry);
  void engine.setStatus(call, 'ringing');
  engine.note(call, 'ringing', entry.kind);

  const outcome = new Promise<TRingOutcome>((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    const settle = (o: TRingOutcome) => {
      timers.forEach(clearTimeout);
      if (entry.state !== 'ringing') return;
      entry.state =
        o === 'answered'
          ? 'answered'
          : o === 'busy'
            ? 'rejected'
            : o === 'canceled'
              ? 'canceled'
              : 'no-answer';
      resolve(o);
    };
    resolvers.set(entry, settle);
    timers.push(
      setTimeout(() => settle('no-answer'), args.timeoutSeconds * engine.options.msPerSecond),
    );
    const auto = engine.options.mobileAnswerSeconds;
    if (entry.kind === 'mobile' && auto !== null)
      timers.push(
        setTimeout(() => {
          // A person who answers by themselves also takes the call at a whisper's "press 1".
          if (call.script.digits.length === 0) call.script.digits.push('1');
          settle('answered');
        }, auto * engine.options.msPerSecond),
      );
  });
  void outcome.then(async (o) => {
    if (o === 'answered') await engine.setStatus(call, 'in-progress');
    else
      await engine.setStatus(
        call,
        o === 'busy' ? 'busy' : o === 'canceled' ? 'canceled' : 'no-answer',
      );
  });
  return { ring: entry, call, outcome };
}

/**
 * Control API: the person at the endpoint answers, declines, or hangs up after talking. `digits`
 * are the keys they press once answered, in turn (e.g. '1' or '2' at a mobile's whisper); none
 * means they press nothing.
 */
export function actOnRing(
  engine: TCallEngine,
  ringId: string,
  action: 'answer' | 'reject' | 'hangup',
  digits: readonly string[] = [],
): TRing | null {
  const entry = engine.state.rings.get(ringId);
  if (!entry) return null;
  if (action === 'answer' && digits.length > 0)
    engine.state.calls.get(entry.callSid)?.script.digits.push(...digits);
  if (action === 'hangup') {
    const call = engine.state.calls.get(entry.callSid);
    if (entry.state === 'ringing') resolvers.get(entry)?.('canceled');
    else if (call) engine.hangup(call);
    entry.state = 'ended';
    return entry;
  }
  resolvers.get(entry)?.(action === 'answer' ? 'answered' : 'busy');
  return entry;
}

export function cancelRing(entry: TRing): void {
  resolvers.get(entry)?.('canceled');
}
