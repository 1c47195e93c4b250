import { HOTLINE_TIME_ZONE } from './opening-hours.policy';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: HOTLINE_TIME_ZONE });

/**
 * Today's date in Vientiane (YYYY-MM-DD). Between 17:00 and 24:00 UTC it is already tomorrow in
 * Laos: ages, "not in the future" checks and "today" lists must follow the Lao calendar.
 */
export function laoToday(now: Date = new Date()): string {
  return dayFormat.format(now);
}
