/** Follow-ups are due on a day in Vientiane (UTC+7 all year, no daylight saving). */
const VIENTIANE_OFFSET_MS = 7 * 3600 * 1000;
/** The hour of the due day the assignee is reminded: the start of a working day. */
const REMIND_HOUR = 8;

export function vientianeToday(now: Date): string {
  return new Date(now.getTime() + VIENTIANE_OFFSET_MS).toISOString().slice(0, 10);
}

/** When the reminder falls due: 08:00 Vientiane on the due day (at once if that has passed). */
export function reminderDelayMs(dueOn: string, now: Date): number {
  const remindAt = Date.parse(`${dueOn}T0${REMIND_HOUR}:00:00+07:00`);
  return Math.max(0, remindAt - now.getTime());
}

export function isPastDay(dueOn: string, now: Date): boolean {
  return dueOn < vientianeToday(now);
}
