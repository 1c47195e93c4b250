import { EventEmitter } from 'node:events';
import type { TWithdrawnOffer } from '../routing/offers.repository';
import type { TQueueEntry } from '../routing/waiting-queue.repository';

/**
 * What happens to a call at the telephony edge, for in-process subscribers (routing dispatches
 * offers from these). Payloads carry call SIDs and hotline codes only, never a caller's number.
 */
export type TCallLifecycleEvents = {
  /** `entry`: the queue step also tried the first offer (routing announces what it made). */
  'caller.queued': {
    callSid: string;
    hotline: string;
    language: string;
    enqueuedAt: number;
    entry?: Extract<TQueueEntry, { state: 'queued' }>;
  };
  /**
   * `result` is Twilio's QueueResult (bridged, hangup, leave, redirected, error, system-error) or
   * `callback`; `withdrawn`: the offer that taking the caller out of the Redis queue withdrew.
   */
  'caller.left-queue': {
    callSid: string;
    hotline: string;
    result: string;
    withdrawn?: TWithdrawnOffer;
  };
  'callback.requested': { callSid: string; hotline: string };
  /** The call's state after a status callback moved it (duplicates and backward moves are not emitted). */
  'call.status': { callSid: string; status: string };
};

export type TCallLifecycleEvent = keyof TCallLifecycleEvents;
export type TCallLifecycleListener<E extends TCallLifecycleEvent> = (
  payload: TCallLifecycleEvents[E],
) => void | Promise<void>;

export type TCallLifecycle = {
  on<E extends TCallLifecycleEvent>(event: E, listener: TCallLifecycleListener<E>): () => void;
  emit<E extends TCallLifecycleEvent>(event: E, payload: TCallLifecycleEvents[E]): void;
};

/**
 * A listener that throws or rejects must not break the webhook that emitted the event: its
 * error goes to `onListenerError` (the app logs it) and the caller's TwiML is unaffected.
 */
export function createCallLifecycle(
  onListenerError: (event: TCallLifecycleEvent, err: unknown) => void = () => {},
): TCallLifecycle {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(50);
  return {
    on(event, listener) {
      const wrapped = (payload: TCallLifecycleEvents[typeof event]) => {
        try {
          const result = listener(payload);
          if (result instanceof Promise)
            result.catch((err: unknown) => onListenerError(event, err));
        } catch (err) {
          onListenerError(event, err);
        }
      };
      emitter.on(event, wrapped);
      return () => emitter.off(event, wrapped);
    },
    emit(event, payload) {
      emitter.emit(event, payload);
    },
  };
}
