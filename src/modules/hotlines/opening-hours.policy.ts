import type { TOpeningHours } from '../../../db/schema/hotlines';

export const HOTLINE_TIME_ZONE = 'Asia/Vientiane';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, TWeekday> = {
  Mon: '1',
  Tue: '2',
  Wed: '3',
  Thu: '4',
  Fri: '5',
  Sat: '6',
  Sun: '7',
};

type TLocalTime = { date: string; weekday: TWeekday; time: string };
type TWeekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';

// Offsets change only on whole minutes, so one answer per zone and minute is exact; formatting
// the date was the costliest step of an incoming call's decision.
const lastMinute = new Map<string, { minute: number; local: TLocalTime }>();

/** Wall-clock date, ISO weekday and HH:MM of an instant in the hotline's time zone. */
export function localTime(now: Date, timeZone = HOTLINE_TIME_ZONE): TLocalTime {
  const minute = Math.floor(now.getTime() / 60_000);
  const hit = lastMinute.get(timeZone);
  if (hit && hit.minute === minute) return hit.local;
  const local = formatLocalTime(now, timeZone);
  lastMinute.set(timeZone, { minute, local });
  return local;
}

function formatLocalTime(now: Date, timeZone: string): TLocalTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? '1',
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** Open when `now` (in Asia/Vientiane) falls in one of the day's [open, close) ranges and is not a holiday. */
export function isOpen(hours: TOpeningHours, now: Date, timeZone = HOTLINE_TIME_ZONE): boolean {
  const local = localTime(now, timeZone);
  if (hours.holidays.includes(local.date)) return false;
  const ranges = hours.weekly[local.weekday] ?? [];
  return ranges.some(([open, close]) => local.time >= open && local.time < close);
}
