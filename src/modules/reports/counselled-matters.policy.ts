import type { TCounselledMatters } from './counselled-matters.repository';
import type { TNationalTallies } from './national-statistics.types';
import { counsellingModes } from './report-labels';
import type { TReportRow, TReportTable } from './report-table.types';

export const mattersColumns = [
  { key: 'matters', lo: 'ຈຳນວນເລື່ອງທີ່ໃຫ້ຄຳປຶກສາ', en: 'Matters counselled' },
  { key: 'sessions', lo: 'ຈຳນວນຄັ້ງໃຫ້ຄຳປຶກສາ', en: 'Sessions' },
  { key: 'people', lo: 'ຈຳນວນຄົນ', en: 'People' },
] as const;

/**
 * Matters counselled beside the sessions and people of the counselling table (the same cells),
 * per mode and in total, as the annual report counts them: three figures that differ because one
 * person may bring several matters and one matter may take several sessions.
 */
export function mattersTable(tallies: TNationalTallies, matters: TCounselledMatters): TReportTable {
  const row = (key: string): TReportRow['cells'] => [
    matters[key] ?? 0,
    tallies.counselling[key]?.sessions ?? 0,
    tallies.counselling[key]?.people ?? 0,
  ];
  return {
    key: 'counselling-matters',
    title: { lo: 'ເລື່ອງທີ່ໃຫ້ຄຳປຶກສາ ແຍກຕາມຮູບແບບ', en: 'Matters counselled by mode' },
    countUnit: {
      lo: 'ເລື່ອງ = ບັນຫາໜຶ່ງຂອງກໍລະນີໜຶ່ງ, ນັບຄັ້ງດຽວ ເຖິງວ່າຈະປຶກສາຫຼາຍຄັ້ງ; ຄັ້ງ = ການຕິດຕໍ່; ຄົນ ນັບຄັ້ງດຽວ',
      en: 'Matters = distinct issues of a case, once however many sessions; sessions = contacts; people counted once',
    },
    columns: [...mattersColumns],
    rows: [
      ...[...counsellingModes].map(([k, l]): TReportRow => ({
        key: k,
        ...l,
        cells: row(k),
        group: 'modes',
      })),
      { key: 'total', lo: 'ລວມທັງໝົດ', en: 'Total', cells: row('total') },
    ],
  };
}
