import type { TCounsellorState } from '../../../contracts/realtime';

export type TPresenceTarget = 'available' | 'away' | 'offline';

/**
 * The states from which a counsellor may switch themselves to available, away or offline. An
 * offer must be accepted or rejected and a call ended first; wrap-up may be cut short.
 */
export const selfServiceStates: readonly TCounsellorState[] = [
  'offline',
  'away',
  'available',
  'wrap_up',
];

/** A counsellor whose last socket closed is kept away, and put back when they return. */
export function resumeOnReconnect(state: TCounsellorState, reason: string | null): boolean {
  return state === 'away' && reason === 'disconnected';
}

/** Those states hold a reservation that a lost connection must give back. */
export function releasesOnDisconnect(state: TCounsellorState): 'offer' | 'presence' | null {
  if (state === 'offered') return 'offer';
  if (state === 'available') return 'presence';
  return null;
}
