import type { TCallEngine } from './call-engine';
import type { TSimCall } from './sim-state';
import { runCall } from './twiml-runner';

export type TCallNumber = {
  from: string;
  /** The number dialled (E.164), delivered as `To`. */
  to: string;
  /** The Voice URL that number is configured with at Twilio. */
  voiceUrl: string;
  /** Keys for each `<Gather>` in turn. */
  digits?: string[];
  /** What the caller says into each `<Record>` in turn (WAV bytes). */
  recordings?: Buffer[];
};

/**
 * An inbound call to any number of the account (not a hotline's): e.g. the prompts' recording
 * line. Twilio fetches the number's Voice URL with the usual parameters.
 */
export function callNumber(engine: TCallEngine, args: TCallNumber): TSimCall {
  const call = engine.newCall({
    from: args.from,
    to: args.to,
    direction: 'inbound',
    script: { digits: [...(args.digits ?? [])], recordings: [...(args.recordings ?? [])] },
  });
  void engine
    .setStatus(call, 'ringing')
    .then(() => runCall(engine, call, args.voiceUrl))
    .catch(() => engine.setStatus(call, 'failed'));
  return call;
}
