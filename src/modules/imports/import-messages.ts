import type { TImportKind } from '../../../db/schema/imports';
import { importColumns } from './import-columns.policy';

export type TReaderLanguage = 'lo' | 'en';

/** Every reason a row can be skipped, in both languages (the dry run and the result show these). */
const reasons: Record<string, { lo: string; en: string }> = {
  required: { lo: 'ຕ້ອງມີຂໍ້ມູນ', en: 'A value is required' },
  not_a_date: { lo: 'ບໍ່ແມ່ນວັນທີ (ໃຊ້ YYYY-MM-DD)', en: 'Not a date (use YYYY-MM-DD)' },
  date_in_future: { lo: 'ວັນທີຢູ່ໃນອະນາຄົດ', en: 'The date is in the future' },
  not_a_number: { lo: 'ບໍ່ແມ່ນຕົວເລກທີ່ຖືກຕ້ອງ', en: 'Not a valid number' },
  not_in_list: { lo: 'ບໍ່ແມ່ນຄ່າທີ່ອະນຸຍາດ', en: 'Not one of the allowed values' },
  too_long: { lo: 'ຂໍ້ຄວາມຍາວເກີນໄປ', en: 'The text is too long' },
  duplicate_in_file: {
    lo: 'ລະຫັດນີ້ຊ້ຳກັບແຖວກ່ອນໜ້າໃນໄຟລ໌',
    en: 'This external id appears earlier in the file',
  },
  person_unknown: {
    lo: 'ບໍ່ພົບບຸກຄົນນີ້ (ນຳເຂົ້າບຸກຄົນກ່ອນ)',
    en: 'No imported person has this id (import people first)',
  },
  partner_unknown: { lo: 'ບໍ່ພົບອົງການນີ້', en: 'No partner organisation has this key' },
  organisation_unknown: { lo: 'ບໍ່ພົບອົງການນີ້', en: 'No organisation has this key' },
  case_unknown: {
    lo: 'ບໍ່ພົບກໍລະນີນີ້ (ນຳເຂົ້າກໍລະນີກ່ອນ)',
    en: 'No imported case has this id (import cases first)',
  },
  before_start: {
    lo: 'ວັນທີນີ້ກ່ອນວັນທີເລີ່ມຕົ້ນ',
    en: 'This date is before the date it follows',
  },
  person_or_case: {
    lo: 'ໃສ່ລະຫັດບຸກຄົນ ຫຼື ລະຫັດກໍລະນີ',
    en: "Give the person's or the case's external id",
  },
  no_columns: {
    lo: 'ບໍ່ພົບຫົວຖັນຂອງແບບຟອມ',
    en: 'None of the template headers were found',
  },
  file_unreadable: {
    lo: 'ອ່ານໄຟລ໌ບໍ່ໄດ້ (ໃຊ້ CSV ຫຼື XLSX)',
    en: 'The file could not be read (use CSV or XLSX)',
  },
  empty_file: { lo: 'ໄຟລ໌ບໍ່ມີແຖວຂໍ້ມູນ', en: 'The file has no data rows' },
};

export function reasonText(code: string, language: TReaderLanguage): string {
  return reasons[code]?.[language] ?? code;
}

export function columnLabel(
  kind: TImportKind,
  key: string | null,
  language: TReaderLanguage,
): string | null {
  if (key === null) return null;
  return importColumns[kind].find((c) => c.key === key)?.[language] ?? key;
}

/** The reader's language from ?lang= or Accept-Language; Lao unless English is asked for. */
export function readerLanguage(
  lang: string | undefined,
  acceptLanguage: string | undefined,
): TReaderLanguage {
  if (lang === 'en' || lang === 'lo') return lang;
  return (acceptLanguage ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'lo';
}
