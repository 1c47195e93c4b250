import { newSid } from './sim-ids';
import type {
  TCallerScript,
  TSimCall,
  TSimCallStatus,
  TSimState,
  TStatusCallbackOptions,
} from './sim-state';
import { statusCallbacks } from './status-callbacks';
import { parseTwiml, type TTwimlNode } from './twiml-parser';
import type { TWebhookClient } from './webhook-client';

export type TEngineOptions = {
  accountSid: string;
  /** Real milliseconds per simulated second (1000 = real time; tests use a few ms). */
  msPerSecond: number;
  /** How long one `<Play>` lasts, in simulated seconds. */
  playSeconds: number;
  /** Simulated mobiles answer by themselves after this many seconds; null = only via the control API. */
  mobileAnswerSeconds: number | null;
};

/** Thrown inside a verb when the call is hung up, redirected or removed. */
export class Interrupted extends Error {}
/** `<Leave>` inside a wait URL. */
export class LeaveQueue extends Error {}

/** What to do after a TwiML document: fetch another, end the call, or (document over) hang up. */
export type TStep =
  | { kind: 'goto'; url: string; params?: Record<string, string> }
  | { kind: 'hangup' }
  | { kind: 'done' };

/** Runs one TwiML document (twiml-runner's `execute`), passed to verbs that nest documents. */
export type TExecute = (
  engine: TCallEngine,
  call: TSimCall,
  response: TTwimlNode,
  docUrl: string,
  ctx: { inWait: boolean },
) => Promise<TStep>;

const TERMINAL: ReadonlySet<TSimCallStatus> = new Set([
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
]);

export type TCallEngine = ReturnType<typeof callEngine>;

/** The heart of the simulator: calls, their status, time, and fetching TwiML as Twilio does. */
export function callEngine(state: TSimState, client: TWebhookClient, options: TEngineOptions) {
  const callbacks = statusCallbacks(client, options.accountSid);
  const endings = new Map<string, () => void>();

  const engine = {
    state,
    options,
    client,

    newCall(args: {
      from: string;
      to: string;
      direction: TSimCall['direction'];
      parentCallSid?: string | null;
      hotline?: string | null;
      script?: TCallerScript;
      fallbackUrl?: string | null;
      statusCallback?: { url: string; events: string[]; options?: TStatusCallbackOptions } | null;
    }): TSimCall {
      let resolveDone: () => void = () => {};
      const done = new Promise<void>((r) => (resolveDone = r));
      const call: TSimCall = {
        sid: newSid('CA'),
        from: args.from,
        to: args.to,
        direction: args.direction,
        status: 'queued',
        parentCallSid: args.parentCallSid ?? null,
        hotline: args.hotline ?? null,
        createdAt: new Date(),
        startedAt: null,
        endedAt: null,
        script: args.script ?? { digits: [] },
        statusCallback: args.statusCallback
          ? {
              url: args.statusCallback.url,
              events: args.statusCallback.events,
              options: args.statusCallback.options ?? {},
            }
          : null,
        fallbackUrl: args.fallbackUrl ?? null,
        sequence: 0,
        transcript: [],
        heardSeconds: 0,
        queueSid: null,
        conferenceSid: null,
        redirect: null,
        hangupRequested: false,
        interrupt: new AbortController(),
        done,
      };
      endings.set(call.sid, resolveDone);
      state.calls.set(call.sid, call);
      return call;
    },

    note(call: TSimCall, verb: string, detail?: string): void {
      call.transcript.push({
        at: Date.now(),
        heard: call.heardSeconds,
        verb,
        ...(detail === undefined ? {} : { detail }),
      });
    },

    isOver(call: TSimCall): boolean {
      return TERMINAL.has(call.status);
    },

    async setStatus(call: TSimCall, status: TSimCallStatus): Promise<void> {
      if (call.status === status || engine.isOver(call)) return;
      call.status = status;
      if (status === 'in-progress') call.startedAt = new Date();
      if (TERMINAL.has(status)) {
        call.endedAt = new Date();
        call.interrupt.abort();
        endings.get(call.sid)?.();
        engine.note(call, 'ended', status);
      }
      await callbacks.notify(call).catch(() => {});
    },

    /** Simulated seconds of waiting that a hang-up, redirect or removal cuts short. */
    sleep(call: TSimCall, seconds: number): Promise<void> {
      const signal = call.interrupt.signal;
      if (signal.aborted) return Promise.reject(new Interrupted());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => {
            signal.removeEventListener('abort', onAbort);
            call.heardSeconds += seconds;
            resolve();
          },
          Math.max(0, seconds * options.msPerSecond),
        );
        const onAbort = () => {
          clearTimeout(timer);
          reject(new Interrupted());
        };
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },

    /** Resolves when the call is interrupted (hang-up, redirect, removal); never rejects. */
    interrupted(call: TSimCall): Promise<void> {
      const signal = call.interrupt.signal;
      if (signal.aborted) return Promise.resolve();
      return new Promise((resolve) =>
        signal.addEventListener('abort', () => resolve(), { once: true }),
      );
    },

    /** After an interruption: a fresh signal for what comes next. */
    rearm(call: TSimCall): void {
      if (!engine.isOver(call)) call.interrupt = new AbortController();
    },

    hangup(call: TSimCall): void {
      if (engine.isOver(call)) return;
      call.hangupRequested = true;
      call.interrupt.abort();
    },

    redirect(call: TSimCall, url: string): void {
      if (engine.isOver(call)) return;
      call.redirect = url;
      call.interrupt.abort();
    },

    baseParams(call: TSimCall): Record<string, string> {
      return {
        AccountSid: options.accountSid,
        ApiVersion: '2010-04-01',
        CallSid: call.sid,
        CallStatus: call.status,
        Direction: call.direction,
        From: call.from,
        To: call.to,
        Caller: call.from,
        Called: call.to,
        ...(call.parentCallSid ? { ParentCallSid: call.parentCallSid } : {}),
      };
    },

    /** Fetches TwiML for the call; null when the server failed (Twilio would say "application error"). */
    async fetchTwiml(
      call: TSimCall,
      url: string,
      extra: Record<string, string> = {},
    ): Promise<TTwimlNode | null> {
      engine.note(call, 'request', new URL(url).pathname);
      try {
        const response = await client.post(url, { ...engine.baseParams(call), ...extra });
        if (response.status !== 200) {
          engine.note(call, 'application-error', `HTTP ${response.status}`);
          return null;
        }
        return parseTwiml(response.body);
      } catch (err) {
        engine.note(call, 'application-error', (err as Error).message);
        return null;
      }
    },
  };
  return engine;
}
