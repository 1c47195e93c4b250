import type { TLabel, TReportFreshness } from './report-table.types';
import type { TAggregateFreshness } from './report-freshness.repository';

/** Laos keeps UTC+7 all year (no daylight saving): a fixed offset is exact. */
const LAO_OFFSET_MS = 7 * 3600_000;

/**
 * The freshness a report hands out: that of the aggregates it read, or, for a report computed
 * from the records themselves, the moment it was computed (nothing left to take in).
 */
export function reportFreshness(
  aggregates: TAggregateFreshness | null,
  now: Date,
): TReportFreshness {
  return aggregates === null
    ? { asOf: now.toISOString(), updating: false }
    : { asOf: aggregates.asOf, updating: aggregates.updating };
}

/** "2026-12-05 15:25", Lao time: what a reader of the printed report compares with her records. */
export function laoMinute(instant: string): string {
  return new Date(new Date(instant).getTime() + LAO_OFFSET_MS)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/**
 * The lines an exported file carries about its freshness: as of when, and, if records changed
 * after that, that they are not counted yet (a file must never pass stale figures off as current).
 */
export function freshnessNotes(freshness: TReportFreshness | undefined): TLabel[] {
  if (!freshness) return [];
  const at = laoMinute(freshness.asOf);
  const asOf = {
    lo: `ຕົວເລກນັບຮອດ ${at} (ເວລາລາວ)`,
    en: `Figures as of ${at} (Lao time)`,
  };
  if (!freshness.updating) return [asOf];
  return [
    asOf,
    {
      lo: 'ມີຂໍ້ມູນຖືກແກ້ໄຂຫຼັງຈາກເວລານີ້ ທີ່ຍັງບໍ່ໄດ້ນັບ: ກຳລັງປັບປຸງຕົວເລກໃຫ້ທັນສະໄໝ. ກະລຸນາສົ່ງອອກຄືນໃໝ່ ກ່ອນລົງລາຍເຊັນ.',
      en: 'Records changed after this time are not counted yet: the figures are being brought up to date. Export again before signing.',
    },
  ];
}
