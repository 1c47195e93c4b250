import {
  counsellingColumns,
  counsellingModes,
  countryLabel,
  essentialServices,
  exploitationForms,
  measureLabels,
  notRecorded,
  OTHER_SERVICE,
  otherServices,
  peopleColumns,
  provinces,
  UNKNOWN,
} from './report-labels';
import type { TLabel, TReportRow, TReportTable } from './report-table.types';
import type {
  TCounsellingTally,
  TNationalTallies,
  TPeopleTally,
} from './national-statistics.types';

const zero: TPeopleTally = { total: 0, female: 0, under18: 0, femaleUnder18: 0 };
const total: TLabel = { lo: 'ລວມທັງໝົດ', en: 'Total' };
const peopleUnit: TLabel = {
  lo: 'ຄົນ: ແຕ່ລະຄົນນັບຄັ້ງດຽວໃນໄລຍະ',
  en: 'People: each person counted once in the period',
};

function peopleRow(
  key: string,
  label: TLabel,
  tally: TPeopleTally | undefined,
  group?: string,
): TReportRow {
  const t = tally ?? zero;
  const row: TReportRow = { key, ...label, cells: [t.total, t.female, t.under18, t.femaleUnder18] };
  if (group !== undefined) row.group = group;
  return row;
}

function peopleTable(key: string, title: TLabel, unit: TLabel, rows: TReportRow[]): TReportTable {
  return { key, title, countUnit: unit, columns: [...peopleColumns], rows };
}

/** Codes present in a tally but not in the fixed list, in a stable order, unknown last. */
function extraKeys(
  tally: Record<string, unknown>,
  known: Iterable<string>,
  skip: string[] = [],
): string[] {
  const fixed = new Set([...known, ...skip, UNKNOWN]);
  return Object.keys(tally)
    .filter((k) => !fixed.has(k))
    .sort();
}

function summaryTables(t: TNationalTallies): TReportTable[] {
  const measures = ['assisted', 'sheltered', 'reintegrated', 'followed_up'] as const;
  return [
    peopleTable(
      'summary',
      {
        lo: 'ຜູ້ຖືກເຄາະຮ້າຍ: ກຳນົດຕົວ, ຊ່ວຍເຫຼືອ, ພັກເຊົາ, ສົ່ງກັບຄືນ ແລະ ຕິດຕາມ',
        en: 'Victims identified, assisted, sheltered, reintegrated and followed up',
      },
      {
        lo: `${peopleUnit.lo}; ກຳນົດຕົວ ນັບຕາມວັນທີກຳນົດຕົວ`,
        en: `${peopleUnit.en}; identified by identification date`,
      },
      (['identified', ...measures] as const).map((m) =>
        peopleRow(m, measureLabels[m], t.summary[m]),
      ),
    ),
    peopleTable(
      'possible',
      { lo: 'ຜູ້ອາດຈະຕົກເປັນເຄາະຮ້າຍ (ລາຍງານແຍກຕ່າງຫາກ)', en: 'Possible victims (reported apart)' },
      {
        lo: `${peopleUnit.lo}; ມີການຕິດຕໍ່ ຫຼື ບໍລິການໃນໄລຍະ`,
        en: `${peopleUnit.en}; with a contact or a service in the period`,
      },
      (['recorded', ...measures] as const).map((m) =>
        peopleRow(m, measureLabels[m], t.possible[m]),
      ),
    ),
  ];
}

function identifiedBy(t: TNationalTallies): TReportTable[] {
  const identifiedUnit: TLabel = {
    lo: `${peopleUnit.lo}; ຜູ້ຖືກເຄາະຮ້າຍທີ່ໄດ້ຮັບການກຳນົດໃນໄລຍະ`,
    en: `${peopleUnit.en}; victims identified in the period`,
  };
  const all = t.summary.identified;
  const nationalities = ['LA', ...extraKeys(t.nationality, ['LA']), UNKNOWN];
  const returned = extraKeys(t.origin, [], ['domestic', 'abroad']);
  const provinceKeys = [...provinces.keys(), ...extraKeys(t.province, provinces.keys()), UNKNOWN];
  const formKeys = [
    ...exploitationForms.keys(),
    ...extraKeys(t.forms, exploitationForms.keys(), ['several', 'not_recorded', 'total']),
  ];
  const label = (k: string, known: ReadonlyMap<string, TLabel>) =>
    k === UNKNOWN ? notRecorded : (known.get(k) ?? { lo: k, en: k });
  return [
    peopleTable(
      'nationality',
      { lo: 'ຜູ້ຖືກເຄາະຮ້າຍທີ່ໄດ້ຮັບການກຳນົດ ແຍກຕາມສັນຊາດ', en: 'Victims identified by nationality' },
      identifiedUnit,
      [
        ...nationalities.map((k) =>
          peopleRow(k, k === UNKNOWN ? notRecorded : countryLabel(k), t.nationality[k], 'parts'),
        ),
        peopleRow('total', total, all),
      ],
    ),
    peopleTable(
      'origin',
      {
        lo: 'ຜູ້ຖືກເຄາະຮ້າຍພາຍໃນປະເທດ ແລະ ທີ່ຖືກສົ່ງກັບຈາກຕ່າງປະເທດ',
        en: 'Domestic victims and victims returned from abroad',
      },
      identifiedUnit,
      [
        peopleRow(
          'domestic',
          { lo: 'ພາຍໃນປະເທດ', en: 'Domestic (exploited in Lao PDR)' },
          t.origin.domestic,
          'parts',
        ),
        peopleRow(
          'abroad',
          { lo: 'ສົ່ງກັບຈາກຕ່າງປະເທດ', en: 'Returned from abroad' },
          t.origin.abroad,
          'parts',
        ),
        ...returned.map((k) => {
          const c = countryLabel(k.slice('abroad:'.length));
          return peopleRow(k, { lo: `— ${c.lo}`, en: `— from ${c.en}` }, t.origin[k], 'abroad');
        }),
        peopleRow('total', total, all),
      ],
    ),
    peopleTable(
      'province',
      { lo: 'ຜູ້ຖືກເຄາະຮ້າຍທີ່ໄດ້ຮັບການກຳນົດ ແຍກຕາມແຂວງ', en: 'Victims identified by province of origin' },
      identifiedUnit,
      [
        ...provinceKeys.map((k) => peopleRow(k, label(k, provinces), t.province[k], 'parts')),
        peopleRow('total', total, all),
      ],
    ),
    peopleTable(
      'forms',
      {
        lo: 'ຜູ້ຖືກເຄາະຮ້າຍທີ່ໄດ້ຮັບການກຳນົດ ແຍກຕາມຮູບແບບການຂູດຮີດ',
        en: 'Victims identified by form of exploitation',
      },
      {
        lo: `${identifiedUnit.lo}; ຜູ້ທີ່ມີຫຼາຍຮູບແບບ ນັບໜຶ່ງຄັ້ງຕໍ່ຮູບແບບ ແລະ ໜຶ່ງຄັ້ງໃນ "ຫຼາຍຮູບແບບ"`,
        en: `${identifiedUnit.en}; a person with several forms counts once per form and once under "several forms", so rows add up to more than the total`,
      },
      [
        ...formKeys.map((k) => peopleRow(k, label(k, exploitationForms), t.forms[k])),
        peopleRow('several', { lo: 'ຫຼາຍຮູບແບບ', en: 'Several forms' }, t.forms.several),
        peopleRow('not_recorded', notRecorded, t.forms.not_recorded),
        peopleRow('total', { lo: 'ຈຳນວນຄົນທັງໝົດ', en: 'People (total)' }, t.forms.total),
      ],
    ),
  ];
}

function servicesTable(t: TNationalTallies): TReportTable {
  const rows = [
    ...[...essentialServices].map(([k, l]) => peopleRow(k, l, t.services[k])),
    ...[...otherServices].map(([k, l]) => peopleRow(k, l, t.services[k])),
    peopleRow(OTHER_SERVICE, { lo: 'ອື່ນໆ', en: 'Other services' }, t.services[OTHER_SERVICE]),
    peopleRow('any', { lo: 'ຈຳນວນຄົນທີ່ໄດ້ຮັບບໍລິການ', en: 'People given any service' }, t.services.any),
  ];
  return peopleTable(
    'services',
    {
      lo: 'ບໍລິການທີ່ໃຫ້ແກ່ຜູ້ຖືກເຄາະຮ້າຍ (5 ການຊ່ວຍເຫຼືອທີ່ຈຳເປັນ ແລະ ອື່ນໆ)',
      en: 'Services given to victims (the five essential kinds and others)',
    },
    {
      lo: `${peopleUnit.lo}; ນັບໜຶ່ງຄັ້ງຕໍ່ປະເພດບໍລິການ`,
      en: `${peopleUnit.en} per kind of service given in the period; identified victims only`,
    },
    rows,
  );
}

function counsellingTable(t: TNationalTallies): TReportTable {
  const cells = (c: TCounsellingTally | undefined) =>
    c ? [c.sessions, c.people, c.female, c.newPeople, c.continuingPeople] : [0, 0, 0, 0, 0];
  return {
    key: 'counselling',
    title: { lo: 'ການໃຫ້ຄຳປຶກສາ ແຍກຕາມຮູບແບບ', en: 'Counselling sessions by mode' },
    countUnit: {
      lo: 'ຄັ້ງ = ການຕິດຕໍ່ໜຶ່ງຄັ້ງ; ຄົນ ນັບຄັ້ງດຽວຕໍ່ຮູບແບບ ແລະ ຄັ້ງດຽວໃນລວມ; ຄົນເກົ່າ = ຕິດຕໍ່ ຫຼື ຖືກກຳນົດຕົວກ່ອນໄລຍະ',
      en: 'Sessions = contacts; people counted once per mode and once in the total; continuing = first contacted or identified before the period',
    },
    columns: [...counsellingColumns],
    rows: [
      ...[...counsellingModes].map(([k, l]): TReportRow => ({
        key: k,
        ...l,
        cells: cells(t.counselling[k]),
        group: 'modes',
      })),
      { key: 'total', ...total, cells: cells(t.counselling.total) },
    ],
  };
}

/** The national tables in the order of the annual report, every row present even when zero. */
export function buildNationalTables(t: TNationalTallies): TReportTable[] {
  return [...summaryTables(t), ...identifiedBy(t), servicesTable(t), counsellingTable(t)];
}
