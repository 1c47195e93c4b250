/**
 * How one cell of an import file is read: each parser turns the text into a value or names the
 * problem (the reader's words for each are in import-messages.ts). Pure: no I/O.
 */
/** Why a cell was refused; the reader's words for each are in import-messages.ts. */
export type TCellProblem =
  | 'required'
  | 'not_a_date'
  | 'date_in_future'
  | 'not_a_number'
  | 'not_in_list'
  | 'too_long'
  /** A date earlier than the date it follows (a case closed before it opened…). */
  | 'before_start'
  /** A service event names neither the person nor the case it was given in. */
  | 'person_or_case';

export type TParsed = { ok: true; value: unknown } | { ok: false; code: TCellProblem };
export type TImportColumn = {
  key: string;
  lo: string;
  en: string;
  required: boolean;
  /** Allowed values, shown in the template's second sheet and in the reason. */
  values?: readonly string[];
  parse: (raw: string, now: Date) => TParsed;
};

export const ok = (value: unknown): TParsed => ({ ok: true, value });
export const fail = (code: TCellProblem): TParsed => ({ ok: false, code });

export const text =
  (max: number) =>
  (raw: string): TParsed =>
    raw.length > max ? fail('too_long') : ok(raw);

export function oneOf(values: readonly string[]) {
  return (raw: string): TParsed => {
    const v = raw.toLowerCase().replace(/[\s-]+/g, '_');
    return values.includes(v) ? ok(v) : fail('not_in_list');
  };
}

export function listOf(values: readonly string[]) {
  return (raw: string): TParsed => {
    const items = raw
      .split(/[,;]/)
      .map((s) =>
        s
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_'),
      )
      .filter(Boolean);
    return items.length > 0 && items.every((i) => values.includes(i))
      ? ok([...new Set(items)])
      : fail('not_in_list');
  };
}

/** YYYY-MM-DD, optionally with a time (taken as Vientiane time, UTC+7, when no zone is given). */
export function instant(raw: string, now: Date): TParsed {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw);
  if (!m) return fail('not_a_date');
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone ?? '+07:00'}`);
  const calendar = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (Number.isNaN(at.getTime()) || calendar.getUTCDate() !== Number(d)) return fail('not_a_date');
  if (at > now) return fail('date_in_future');
  return ok(at);
}

export function day(raw: string, now: Date): TParsed {
  const parsed = instant(raw.slice(0, 10), now);
  return parsed.ok ? ok(raw.slice(0, 10)) : parsed;
}

export function age(raw: string): TParsed {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 120 ? ok(n) : fail('not_a_number');
}

/** A whole number of times (a service event's quantity): 1 to 10,000. */
export function quantity(raw: string): TParsed {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? ok(n) : fail('not_a_number');
}

export const externalId: TImportColumn = {
  key: 'external_id',
  lo: 'ລະຫັດໃນລະບົບເກົ່າ',
  en: 'External id',
  required: true,
  parse: text(100),
};
export const personExternalId = (required: boolean): TImportColumn => ({
  key: 'person_external_id',
  lo: 'ລະຫັດບຸກຄົນໃນລະບົບເກົ່າ',
  en: 'Person external id',
  required,
  parse: text(100),
});
export const caseExternalId: TImportColumn = {
  key: 'case_external_id',
  lo: 'ລະຫັດກໍລະນີໃນລະບົບເກົ່າ',
  en: 'Case external id',
  required: false,
  parse: text(100),
};
