/**
 * What a waiting caller keys to be called back, decided without I/O: which number, and when it is
 * safe. Built for a frightened caller on a keypad: one key per choice, an hour as one or two
 * digits, and silence or a wrong key never loses the call-back (it asks once more, then takes
 * the safe default).
 */

/** The caller's safe time as they chose it (stored as is, beside the times it resolved to). */
export type TSafeWindow =
  | { kind: 'any' }
  /** Safe from now until this hour (0-23, the hotline's local time). */
  | { kind: 'until'; hour: number }
  /** Not safe before this hour (0-23, the hotline's local time); safe from then on. */
  | { kind: 'from'; hour: number };

/** The window as instants (ms since epoch); null where it is open. */
export type TResolvedWindow = { safeFrom: number | null; safeUntil: number | null };

/** Where a call-back stands against its caller's safe time. */
export type TWindowState = 'inside' | 'not-yet' | 'ended';

/** "1": call me back on the number I am calling from; "2": I will key another. */
export function numberChoice(digits: string | undefined): 'this' | 'other' | null {
  return digits === '1' ? 'this' : digits === '2' ? 'other' : null;
}

/** "1" any time, "2" only until an hour, "3" only from an hour. */
export function windowChoice(digits: string | undefined): TSafeWindow['kind'] | null {
  return digits === '1' ? 'any' : digits === '2' ? 'until' : digits === '3' ? 'from' : null;
}

/** An hour keyed as one or two digits (a '#' the platform left in is ignored): 0-23. */
export function keyedHour(digits: string | undefined): number | null {
  const d = (digits ?? '').replace(/[#*]/g, '');
  if (!/^\d{1,2}$/.test(d)) return null;
  const hour = Number(d);
  return hour <= 23 ? hour : null;
}

/**
 * A number keyed on the phone, as E.164: a Lao number keyed the local way (0 then 8 to 10
 * digits: 020 mobile, 030, 021 landline) or with its country code (856…), or any international
 * number keyed with 00. Anything else is refused, and the caller is asked again.
 */
export function keyedNumber(digits: string | undefined): string | null {
  const d = (digits ?? '').replace(/[#*]/g, '');
  if (!/^\d+$/.test(d)) return null;
  if (/^0[1-9]\d{7,9}$/.test(d)) return `+856${d.slice(1)}`;
  if (/^856[1-9]\d{7,9}$/.test(d)) return `+${d}`;
  if (/^00[1-9]\d{6,13}$/.test(d)) return `+${d.slice(2)}`;
  return null;
}

/** The last digits of a number, as the caller hears them read back (never the whole number). */
export function lastDigits(e164: string, count = 4): string {
  return e164.replace(/\D/g, '').slice(-count);
}

/** Minutes past midnight on the local clock of a time zone. */
function localClock(now: number, timeZone: string): { minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(now));
  const num = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: num('hour') * 60 + num('minute') };
}

/** The next time the local clock shows `hour`:00 (strictly after now, within 24 hours). */
export function nextLocalHour(now: number, hour: number, timeZone: string): number {
  const { minutes } = localClock(now, timeZone);
  const startOfMinute = now - (now % 60_000);
  let ahead = hour * 60 - minutes;
  if (ahead <= 0) ahead += 24 * 60;
  return startOfMinute + ahead * 60_000;
}

/** The caller's choice as instants, from the moment they made it. */
export function resolveWindow(window: TSafeWindow, now: number, timeZone: string): TResolvedWindow {
  if (window.kind === 'any') return { safeFrom: null, safeUntil: null };
  const at = nextLocalHour(now, window.hour, timeZone);
  return window.kind === 'until'
    ? { safeFrom: null, safeUntil: at }
    : { safeFrom: at, safeUntil: null };
}

/** Offered only inside the window; before it the call-back is held, after it held for a person. */
export function windowState(w: TResolvedWindow, now: number): TWindowState {
  if (w.safeFrom !== null && now < w.safeFrom) return 'not-yet';
  if (w.safeUntil !== null && now >= w.safeUntil) return 'ended';
  return 'inside';
}
