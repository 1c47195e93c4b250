import type { TNationalEvents, TSexTally } from './national-events.repository';
import {
  catalogueServices,
  countryLabel,
  notRecorded,
  OTHER_SERVICE,
  UNKNOWN,
} from './report-labels';
import type { TLabel, TReportRow, TReportTable } from './report-table.types';

const total: TLabel = { lo: 'ລວມທັງໝົດ', en: 'Total' };
const sexColumns = (prefix: string, lo: string, en: string) => [
  { key: `${prefix}Total`, lo: `${lo}: ທັງໝົດ`, en: `${en}: total` },
  { key: `${prefix}Female`, lo: `${lo}: ຍິງ`, en: `${en}: female` },
  { key: `${prefix}Male`, lo: `${lo}: ຊາຍ`, en: `${en}: male` },
];
const sexCells = (t: TSexTally | undefined) => (t ? [t.total, t.female, t.male] : [0, 0, 0]);

function serviceEventsTable(e: TNationalEvents): TReportTable {
  const row = (key: string, label: TLabel): TReportRow => {
    const t = e.services[key];
    return { key, ...label, cells: t ? [t.people, t.female, t.under18, t.times] : [0, 0, 0, 0] };
  };
  return {
    key: 'service-events',
    title: { lo: 'ບໍລິການທີ່ໃຫ້: ຈຳນວນຄົນ ແລະ ຈຳນວນຄັ້ງ', en: 'Services given: people and times' },
    countUnit: {
      lo: 'ຄົນ: ແຕ່ລະຄົນນັບຄັ້ງດຽວຕໍ່ບໍລິການ; ຄັ້ງ: ທຸກຄັ້ງທີ່ໃຫ້ບໍລິການໃນໄລຍະ (ຜູ້ຖືກເຄາະຮ້າຍ ແລະ ຜູ້ອາດຈະຕົກເປັນເຄາະຮ້າຍ)',
      en: 'People: each person once per service; times: every time the service was given in the period (the quantities recorded); victims and possible victims',
    },
    columns: [
      { key: 'people', lo: 'ຈຳນວນຄົນ', en: 'People' },
      { key: 'female', lo: 'ຍິງ', en: 'Female' },
      { key: 'under18', lo: 'ອາຍຸຕໍ່າກວ່າ 18 ປີ', en: 'Under 18' },
      { key: 'times', lo: 'ຈຳນວນຄັ້ງ', en: 'Times' },
    ],
    rows: [
      ...[...catalogueServices].map(([k, l]) => row(k, l)),
      row(OTHER_SERVICE, { lo: 'ອື່ນໆ', en: 'Other services' }),
      row('total', total),
    ],
  };
}

function censusTable(e: TNationalEvents): TReportTable {
  return {
    key: 'shelter-census',
    title: {
      lo: 'ຜູ້ທີ່ຢູ່ໃນສູນພັກເຊົາ ໃນມື້ສຸດທ້າຍຂອງໄລຍະ',
      en: 'People in a shelter on the last day of the period',
    },
    countUnit: {
      lo: 'ຄົນ ໃນມື້ສຸດທ້າຍ (ບໍ່ແມ່ນຈຳນວນຕະຫຼອດໄລຍະ); ການພັກເຊົາທີ່ບໍ່ມີວັນອອກ ນັບວ່າຍັງຢູ່',
      en: 'People on the last day (a census, not a flow); a stay with no leaving date recorded counts as still there',
    },
    columns: [
      { key: 'total', lo: 'ທັງໝົດ', en: 'Total' },
      { key: 'female', lo: 'ຍິງ', en: 'Female' },
      { key: 'male', lo: 'ຊາຍ', en: 'Male' },
    ],
    rows: [
      {
        key: 'in_shelter',
        lo: 'ຢູ່ໃນສູນພັກເຊົາ',
        en: 'In a shelter',
        cells: sexCells(e.census),
      },
    ],
  };
}

function byNationalityTable(e: TNationalEvents): TReportTable {
  const keys = new Set([...Object.keys(e.sheltered), ...Object.keys(e.reintegrated)]);
  keys.delete('total');
  const known = [...keys].filter((k) => k !== UNKNOWN && k !== 'LA').sort();
  const order = ['LA', ...known, UNKNOWN];
  const label = (k: string) => (k === UNKNOWN ? notRecorded : countryLabel(k));
  return {
    key: 'sheltered-by-nationality',
    title: {
      lo: 'ຜູ້ຖືກເຄາະຮ້າຍທີ່ໄດ້ຮັບທີ່ພັກເຊົາ ແລະ ສົ່ງກັບຄືນ ແຍກຕາມສັນຊາດ ແລະ ເພດ',
      en: 'Victims sheltered and reintegrated by nationality and sex',
    },
    countUnit: {
      lo: 'ຄົນ: ຜູ້ຖືກເຄາະຮ້າຍທີ່ໄດ້ຮັບບໍລິການໃນໄລຍະ, ນັບຄັ້ງດຽວ',
      en: 'People: identified victims given the service in the period, each once',
    },
    columns: [
      ...sexColumns('sheltered', 'ພັກເຊົາ', 'Sheltered'),
      ...sexColumns('reintegrated', 'ສົ່ງກັບຄືນ', 'Reintegrated'),
    ],
    rows: [
      ...order.map((k): TReportRow => ({
        key: k,
        ...label(k),
        cells: [...sexCells(e.sheltered[k]), ...sexCells(e.reintegrated[k])],
        group: 'parts',
      })),
      {
        key: 'total',
        ...total,
        cells: [...sexCells(e.sheltered.total), ...sexCells(e.reintegrated.total)],
      },
    ],
  };
}

/** The tables built from service events, after the people tables of the national report. */
export function buildEventTables(e: TNationalEvents): TReportTable[] {
  return [serviceEventsTable(e), censusTable(e), byNationalityTable(e)];
}
