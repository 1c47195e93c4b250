/**
 * The counsellor's mobile leg: a call to their own number that first whispers "hotline call,
 * press 1". Only the key 1 joins the caller's conference, so a voicemail box (which presses
 * nothing) or a wrong person never takes the call.
 */

/** What the mobile leg ended in, once: the first outcome settles it (see mobile-leg.repository). */
export type TMobileLegOutcome = 'joined' | 'missed';

/** The key pressed after the whisper ('' when nothing was pressed before the time-out). */
export function decideOnKey(digits: string | undefined): TMobileLegOutcome {
  return digits?.trim() === '1' ? 'joined' : 'missed';
}

const MISSED_STATUSES = new Set(['no-answer', 'busy', 'failed', 'canceled']);

/**
 * A status callback of the mobile leg. `joined` is whether the counsellor pressed 1 on it.
 * - never answered (no answer, busy, failed, cancelled) → the caller goes back in line;
 * - ended after pressing 1 → the counsellor finished the call (wrap-up);
 * - ended without pressing 1 (hung up during the whisper) → back in line;
 * - anything else (initiated, ringing, answered) → nothing to do yet.
 */
export function decideOnStatus(
  status: string,
  joined: boolean,
): 'back-to-queue' | 'finished' | 'none' {
  if (MISSED_STATUSES.has(status)) return joined ? 'finished' : 'back-to-queue';
  if (status === 'completed') return joined ? 'finished' : 'back-to-queue';
  return 'none';
}

/** Seconds the mobile rings: as long as an offer rings in the console, within what carriers allow. */
export function mobileRingSeconds(offerTimeoutMs: number): number {
  return Math.min(60, Math.max(10, Math.ceil(offerTimeoutMs / 1000)));
}

/** Seconds the whisper waits for a key once the prompt has played. */
export const WHISPER_KEY_SECONDS = 8;
