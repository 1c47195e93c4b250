import { currentUiLanguage } from '../i18n/i18n';

/** Every date on screen is Vientiane time, whatever the browser's own zone. */
export const TIME_ZONE = 'Asia/Vientiane';

const locales = { lo: 'lo-LA', en: 'en-GB' } as const;

function format(value: string | number | Date, options: Intl.DateTimeFormatOptions): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locales[currentUiLanguage()], {
    timeZone: TIME_ZONE,
    ...options,
  }).format(date);
}

export const formatDateTime = (v: string | number | Date) =>
  format(v, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
export const formatDate = (v: string | number | Date) => format(v, { dateStyle: 'medium' });
export const formatTime = (v: string | number | Date) =>
  format(v, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** m:ss or h:mm:ss for timers and waits. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
