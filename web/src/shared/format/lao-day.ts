/** Every day on screen is a Vientiane day, whatever the browser's own zone or the UTC date. */
const dayOf = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Vientiane',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Vientiane calendar days from `now` to `value`: 0 today, 1 tomorrow, -1 yesterday. */
export function laoDaysBetween(now: Date, value: Date): number {
  const day = (d: Date) => Date.parse(`${dayOf.format(d)}T00:00:00Z`) / 86_400_000;
  return day(value) - day(now);
}
