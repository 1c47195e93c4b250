import type { TPartnerHours } from '../../../../db/schema/partners';

// Partner calendars are kept in Lao time: UTC+7 all year (Laos has no daylight saving).
const LAO_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const MAX_DAYS = 400;

type TWindow = { start: number; end: number };

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Opening windows (UTC ms) of the shifts that start on the Lao calendar day beginning at
 * `dayStartLocal` (local ms). A span that closes at or before it opens (a night shift,
 * 20:00–06:00) runs into the next morning; it belongs to the day it opens on, so a holiday
 * cancels the shift that starts on it, not the one that started the evening before.
 */
function windowsOfDay(hours: TPartnerHours, dayStartLocal: number): TWindow[] {
  const date = new Date(dayStartLocal).toISOString().slice(0, 10);
  if (hours.holidays.includes(date)) return [];
  const isoWeekday = ((new Date(dayStartLocal).getUTCDay() + 6) % 7) + 1;
  const spans = hours.weekly[String(isoWeekday) as keyof TPartnerHours['weekly']] ?? [];
  const dayStart = dayStartLocal - LAO_OFFSET_MS;
  return spans
    .map(([open, close]) => {
      const start = minutesOf(open);
      const end = minutesOf(close) <= start ? minutesOf(close) + 24 * 60 : minutesOf(close);
      return { start: dayStart + start * 60_000, end: dayStart + end * 60_000 };
    })
    .sort((a, b) => a.start - b.start);
}

/**
 * Open windows from `from` on, in time order, overlapping ones merged (a night shift that ends
 * after the next day's first shift starts is one stretch of open time, counted once). Starts a
 * day early so the night shift that began yesterday evening is seen.
 */
function* windowsFrom(hours: TPartnerHours, from: number): Generator<TWindow> {
  const firstDay = Math.floor((from + LAO_OFFSET_MS) / DAY_MS) * DAY_MS;
  let pending: TWindow | null = null;
  for (let d = -1; d < MAX_DAYS; d++) {
    for (const w of windowsOfDay(hours, firstDay + d * DAY_MS)) {
      if (pending && w.start <= pending.end) {
        pending.end = Math.max(pending.end, w.end);
        continue;
      }
      if (pending && pending.end > from)
        yield { start: Math.max(pending.start, from), end: pending.end };
      pending = { ...w };
    }
  }
  if (pending && pending.end > from)
    yield { start: Math.max(pending.start, from), end: pending.end };
}

/**
 * `minutes` of the partner's open time after `from`: a unit open 08:00–17:00 that gets a ticket
 * at 16:30 with 60 minutes to acknowledge has until 08:30 on its next working day. A calendar
 * with no open time at all falls back to wall-clock minutes rather than never being due.
 */
export function addOpenMinutes(hours: TPartnerHours, from: Date, minutes: number): Date {
  if (hours.alwaysOpen) return new Date(from.getTime() + minutes * 60_000);
  let left = minutes * 60_000;
  for (const w of windowsFrom(hours, from.getTime())) {
    const span = w.end - w.start;
    if (span >= left) return new Date(w.start + left);
    left -= span;
  }
  return new Date(from.getTime() + minutes * 60_000);
}

/** The first open instant at or after `at` (the same instant for 24/7 units). */
export function nextOpenMoment(hours: TPartnerHours, at: Date): Date {
  if (hours.alwaysOpen) return at;
  const first = windowsFrom(hours, at.getTime()).next();
  return first.done ? at : new Date(first.value.start);
}
