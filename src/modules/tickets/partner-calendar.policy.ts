import type { TPartnerHours } from '../../../db/schema/partners';

// Partner calendars are kept in Lao time: UTC+7 all year (Laos has no daylight saving).
const LAO_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const MAX_DAYS = 400;

type TWindow = { start: number; end: number };

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Opening windows (UTC ms) of the Lao calendar day that starts at `dayStartLocal` (local ms). */
function windowsOfDay(hours: TPartnerHours, dayStartLocal: number): TWindow[] {
  const date = new Date(dayStartLocal).toISOString().slice(0, 10);
  if (hours.holidays.includes(date)) return [];
  const isoWeekday = ((new Date(dayStartLocal).getUTCDay() + 6) % 7) + 1;
  const spans = hours.weekly[String(isoWeekday) as keyof TPartnerHours['weekly']] ?? [];
  return spans
    .map(([open, close]) => ({
      start: dayStartLocal - LAO_OFFSET_MS + minutesOf(open) * 60_000,
      end: dayStartLocal - LAO_OFFSET_MS + minutesOf(close) * 60_000,
    }))
    .filter((w) => w.end > w.start)
    .sort((a, b) => a.start - b.start);
}

function* windowsFrom(hours: TPartnerHours, from: number): Generator<TWindow> {
  const firstDay = Math.floor((from + LAO_OFFSET_MS) / DAY_MS) * DAY_MS;
  for (let d = 0; d < MAX_DAYS; d++) {
    for (const w of windowsOfDay(hours, firstDay + d * DAY_MS)) {
      if (w.end > from) yield { start: Math.max(w.start, from), end: w.end };
    }
  }
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
