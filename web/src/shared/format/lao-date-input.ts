// Dates are typed the Lao way (day/month/year), as the rest of the app shows them, never in
// the browser's own (often US) date picker.
export const isoFromLao = (text: string): string | null => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  // Date.parse accepts 31/02; the round trip does not.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
};
export const laoFromIso = (iso: string) => iso.split('-').reverse().join('/');
export const todayIso = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Vientiane' }).format(new Date());
