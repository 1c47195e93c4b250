import { currentUiLanguage } from '../i18n/i18n';
import { laoDaysBetween } from './lao-day';

/** Every date on screen is Vientiane time, whatever the browser's own zone. */
export const TIME_ZONE = 'Asia/Vientiane';

// Browsers often ship without Lao date data (Chromium falls back to US English), so Lao dates
// are assembled here from numeric parts and the Lao month names.
const laoMonths = [
  'ມັງກອນ',
  'ກຸມພາ',
  'ມີນາ',
  'ເມສາ',
  'ພຶດສະພາ',
  'ມິຖຸນາ',
  'ກໍລະກົດ',
  'ສິງຫາ',
  'ກັນຍາ',
  'ຕຸລາ',
  'ພະຈິກ',
  'ທັນວາ',
];

type TParts = { day: number; month: number; year: number; hour: string; minute: string };

function parts(date: Date): TParts {
  const p = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => p.find((x) => x.type === type)?.value ?? '';
  return {
    day: Number(get('day')),
    month: Number(get('month')),
    year: Number(get('year')),
    hour: get('hour'),
    minute: get('minute'),
  };
}

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function dateText(p: TParts): string {
  if (currentUiLanguage() === 'lo') return `${p.day} ${laoMonths[p.month - 1]} ${p.year}`;
  const month = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, p.month - 1, 1)),
  );
  return `${p.day} ${month} ${p.year}`;
}

export function formatDateTime(value: string | number | Date): string {
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date);
  return `${dateText(p)}, ${p.hour}:${p.minute}`;
}

export function formatDate(value: string | number | Date): string {
  const date = toDate(value);
  return date ? dateText(parts(date)) : '';
}

export function formatTime(value: string | number | Date): string {
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date);
  return `${p.hour}:${p.minute}`;
}

/** m:ss or h:mm:ss for timers and waits. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "today 12:00", "tomorrow 12:00" or a date and time, from the caller's own words for the day. */
export function formatDayAndTime(
  value: string | number | Date,
  words: { today: string; tomorrow: string },
): string {
  const date = toDate(value);
  const days = date ? laoDaysBetween(new Date(), date) : null;
  if (days === 0) return `${words.today} ${formatTime(value)}`;
  if (days === 1) return `${words.tomorrow} ${formatTime(value)}`;
  return formatDateTime(value);
}
