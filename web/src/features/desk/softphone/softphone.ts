/**
 * The counsellor's audio leg. After the counsellor accepts an offer the server rings this
 * softphone into the call's conference; the softphone answers it by itself (the accept click
 * was the answer). Hold, mute, transfer and hang-up are conference operations on the server.
 * Two implementations behind this one type: Twilio's Voice SDK in production, the telephony
 * simulator's softphone when the server runs against the simulator.
 */
export type TSoftphoneStatus = 'starting' | 'ready' | 'ringing' | 'connected' | 'failed';

export type TSoftphone = {
  readonly kind: 'twilio' | 'simulator';
  start: () => Promise<void>;
  status: () => TSoftphoneStatus;
  onStatus: (listener: (status: TSoftphoneStatus) => void) => () => void;
  /** Mutes this browser's microphone locally (the server-side mute also mutes the leg). */
  setMuted: (muted: boolean) => void;
  /** Drops this browser's leg; the server ends or re-routes the call. */
  disconnect: () => void;
  stop: () => void;
};

/** A tiny status holder both implementations share. */
export function statusHolder(initial: TSoftphoneStatus) {
  let current = initial;
  const listeners = new Set<(s: TSoftphoneStatus) => void>();
  return {
    get: () => current,
    set: (next: TSoftphoneStatus) => {
      current = next;
      for (const l of listeners) l(next);
    },
    on: (listener: (s: TSoftphoneStatus) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
