import type { TImportKind } from '../../../db/schema/imports';
import { sexes, victimStatuses } from '../../../db/schema/people';
import { identifyingAuthorities } from '../../contracts/identification';
import { callerTypes, contactChannels, contactTypes } from '../../contracts/contact-vocabulary';
import { referralNeeds, referralPriorities } from '../../contracts/referral-vocabulary';
import { ticketStates } from '../../contracts/partner-tickets';

import {
  age,
  caseExternalId,
  day,
  externalId,
  personExternalId,
  fail,
  instant,
  ok,
  oneOf,
  listOf,
  text,
  type TCellProblem,
  type TImportColumn,
} from './import-cells.policy';

import { caseColumns, crossCheck, serviceEventColumns } from './import-columns-casework.policy';

export type { TCellProblem, TImportColumn } from './import-cells.policy';

/** The columns of each record type, in template order. */
export const importColumns: Record<TImportKind, readonly TImportColumn[]> = {
  people: [
    externalId,
    { key: 'full_name', lo: 'ຊື່ ແລະ ນາມສະກຸນ', en: 'Full name', required: false, parse: text(200) },
    { key: 'sex', lo: 'ເພດ', en: 'Sex', required: true, values: sexes, parse: oneOf(sexes) },
    { key: 'age', lo: 'ອາຍຸ', en: 'Age', required: false, parse: age },
    {
      key: 'nationality',
      lo: 'ສັນຊາດ (ລະຫັດ 2 ຕົວ)',
      en: 'Nationality (2-letter code)',
      required: false,
      parse: (raw) => (/^[A-Za-z]{2}$/.test(raw) ? ok(raw.toUpperCase()) : fail('not_in_list')),
    },
    { key: 'province_code', lo: 'ລະຫັດແຂວງ', en: 'Province code', required: false, parse: text(10) },
    {
      key: 'victim_status',
      lo: 'ສະຖານະຜູ້ເຄາະຮ້າຍ',
      en: 'Victim status',
      required: false,
      values: victimStatuses,
      parse: oneOf(victimStatuses),
    },
    {
      key: 'identified_by',
      lo: 'ຜູ້ຢັ້ງຢືນ',
      en: 'Identified by',
      required: false,
      values: identifyingAuthorities,
      parse: oneOf(identifyingAuthorities),
    },
    {
      key: 'identification_date',
      lo: 'ວັນທີຢັ້ງຢືນ',
      en: 'Identification date',
      required: false,
      parse: day,
    },
    // Optional: the person joins this imported case instead of getting a case of their own.
    caseExternalId,
  ],
  contacts: [
    externalId,
    { key: 'occurred_at', lo: 'ວັນທີ ແລະ ເວລາ', en: 'Date and time', required: true, parse: instant },
    {
      key: 'channel',
      lo: 'ຊ່ອງທາງ',
      en: 'Channel',
      required: true,
      values: contactChannels,
      parse: oneOf(contactChannels),
    },
    {
      key: 'contact_type',
      lo: 'ປະເພດການຕິດຕໍ່',
      en: 'Contact type',
      required: true,
      values: contactTypes,
      parse: oneOf(contactTypes),
    },
    {
      key: 'caller_type',
      lo: 'ຜູ້ໂທ',
      en: 'Caller type',
      required: false,
      values: callerTypes,
      parse: oneOf(callerTypes),
    },
    { key: 'language', lo: 'ພາສາ', en: 'Language', required: false, parse: text(10) },
    { key: 'province_code', lo: 'ລະຫັດແຂວງ', en: 'Province code', required: false, parse: text(10) },
    { key: 'caller_name', lo: 'ຊື່ຜູ້ໂທ', en: 'Caller name', required: false, parse: text(200) },
    { key: 'summary', lo: 'ສະຫຼຸບ', en: 'Summary', required: false, parse: text(5000) },
    {
      key: 'duration_minutes',
      lo: 'ໄລຍະເວລາ (ນາທີ)',
      en: 'Duration (minutes)',
      required: false,
      parse: age,
    },
    personExternalId(false),
    caseExternalId,
  ],
  referrals: [
    externalId,
    personExternalId(true),
    { key: 'referred_at', lo: 'ວັນທີສົ່ງຕໍ່', en: 'Referral date', required: true, parse: instant },
    {
      key: 'partner',
      lo: 'ອົງການຮັບ (ລະຫັດ)',
      en: 'Partner organisation (key)',
      required: true,
      parse: text(100),
    },
    {
      key: 'needs',
      lo: 'ຄວາມຕ້ອງການ',
      en: 'Needs',
      required: true,
      values: referralNeeds,
      parse: listOf(referralNeeds),
    },
    {
      key: 'priority',
      lo: 'ຄວາມຮີບດ່ວນ',
      en: 'Priority',
      required: false,
      values: referralPriorities,
      parse: oneOf(referralPriorities),
    },
    {
      key: 'outcome',
      lo: 'ຜົນ',
      en: 'Outcome',
      required: false,
      values: ticketStates,
      parse: oneOf(ticketStates),
    },
  ],
  cases: caseColumns,
  service_events: serviceEventColumns,
};

/** The header a template shows: both languages, so either reader finds the column. */
export function headerOf(column: TImportColumn): string {
  return `${column.lo} / ${column.en} (${column.key})`;
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Which column each header cell is: the template's own header, the key, or either language's
 * label. Unknown headers map to null (ignored, never guessed).
 */
export function matchHeaders(
  kind: TImportKind,
  headers: readonly string[],
): (TImportColumn | null)[] {
  const byName = new Map<string, TImportColumn>();
  for (const c of importColumns[kind])
    for (const name of [headerOf(c), c.key, c.lo, c.en]) byName.set(norm(name), c);
  return headers.map((h) => {
    const exact = byName.get(norm(h));
    if (exact) return exact;
    const key = /\(([a-z_]+)\)\s*$/.exec(h.trim())?.[1];
    return key ? (byName.get(key) ?? null) : null;
  });
}

export type TRowVerdict =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; problems: Array<{ column: string; code: TCellProblem | 'missing_column' }> };

/** Checks one data row against the kind's columns. Pure: the dry run and the import share it. */
export function checkRow(
  kind: TImportKind,
  columns: readonly (TImportColumn | null)[],
  cells: readonly string[],
  now: Date,
): TRowVerdict {
  const values: Record<string, unknown> = {};
  const problems: Array<{ column: string; code: TCellProblem }> = [];
  columns.forEach((column, i) => {
    if (!column) return;
    const raw = (cells[i] ?? '').trim();
    if (raw === '') return;
    const parsed = column.parse(raw, now);
    if (parsed.ok) values[column.key] = parsed.value;
    else problems.push({ column: column.key, code: parsed.code });
  });
  for (const column of importColumns[kind])
    if (
      column.required &&
      values[column.key] === undefined &&
      !problems.some((p) => p.column === column.key)
    )
      problems.push({ column: column.key, code: 'required' });
  if (problems.length === 0) problems.push(...crossCheck(kind, values));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
