/**
 * What happens to a call-back whose caller's safe time ended before anyone could call: the
 * hotline holds it for the same safe hours the next day, and never dials outside them. Decided
 * here without I/O; the hotline's clock is local (Asia/Vientiane), so "the next day" is the next
 * local calendar day, whatever the UTC date says.
 */

/** The call-back's safe time as instants (ms), and when the caller asked for it. */
export type TSafeTimes = { safeFrom: number | null; safeUntil: number | null; requestedAt: number };

const MINUTE = 60_000;

/** The local clock's reading of an instant in a time zone, to the minute. */
function localParts(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute') };
}

/** Ms the zone's clock is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const floored = instant - (((instant % MINUTE) + MINUTE) % MINUTE);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min) - floored;
}

/** The same local clock time `days` local calendar days later (a zone's offset change kept). */
export function sameLocalTimeDaysLater(instant: number, days: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const seconds = ((instant % MINUTE) + MINUTE) % MINUTE;
  const wall = Date.UTC(p.y, p.m - 1, p.d + days, p.h, p.min) + seconds;
  // Wall clock → instant: the offset at the guess, checked once more across a change.
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/** Up to the next whole minute: a safe time never begins before the caller said. */
const ceilToMinute = (instant: number) => Math.ceil(instant / MINUTE) * MINUTE;

/**
 * The safe hours to hold the call-back for once its safe time has ended (null: it has not, or
 * it never ends). An "until" safe time began when the caller asked: the same local hours, from
 * that clock time to the end, on the first later day whose end is still ahead.
 */
export function nextSafeTimes(
  w: TSafeTimes,
  now: number,
  timeZone: string,
): { safeFrom: number; safeUntil: number } | null {
  if (w.safeUntil === null || now < w.safeUntil) return null;
  const from = w.safeFrom ?? ceilToMinute(w.requestedAt);
  // Days the hotline was away for (a node down over a weekend) are skipped, not replayed.
  const days = Math.max(1, Math.floor((now - w.safeUntil) / 86_400_000));
  for (let d = days; ; d++) {
    const safeUntil = sameLocalTimeDaysLater(w.safeUntil, d, timeZone);
    if (safeUntil > now) return { safeFrom: sameLocalTimeDaysLater(from, d, timeZone), safeUntil };
  }
}

/**
 * Whether a call-back may be dialled now: inside the caller's safe time, or, once it ended, inside
 * the same hours of a later day. 'not-yet' with the instant the next safe time begins.
 */
export function safeToDialNow(
  w: TSafeTimes,
  now: number,
  timeZone: string,
): { safe: true } | { safe: false; from: number } {
  const current = nextSafeTimes(w, now, timeZone) ?? w;
  if (current.safeFrom !== null && now < current.safeFrom)
    return { safe: false, from: current.safeFrom };
  return { safe: true };
}
