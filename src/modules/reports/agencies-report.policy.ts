import type { TAgencyFigures, TAgencyTally } from './agencies.repository';
import { agencySections } from './agency-sections';
import { catalogueServices } from './report-labels';
import type { TPeriod } from './report-period.policy';
import type { TLabel, TReport, TReportRow, TReportTable } from './report-table.types';

const referralRows: Array<[string, TLabel]> = [
  ['referred', { lo: 'ການສົ່ງຕໍ່ທີ່ໄດ້ຮັບ', en: 'Referrals received' }],
  ['accepted', { lo: 'ການສົ່ງຕໍ່ທີ່ຮັບເອົາ', en: 'Referrals accepted' }],
  ['declined', { lo: 'ການສົ່ງຕໍ່ທີ່ປະຕິເສດ', en: 'Referrals declined' }],
  ['completed', { lo: 'ການສົ່ງຕໍ່ທີ່ສຳເລັດ', en: 'Referrals completed' }],
];

const cells = (t: TAgencyTally | undefined) =>
  t ? [t.people, t.female, t.under18, t.times] : [0, 0, 0, 0];

function sectionTable(
  section: (typeof agencySections)[number],
  figures: Record<string, TAgencyTally>,
): TReportTable {
  const given = [...catalogueServices.keys()].filter((k) => figures[k]);
  const unlisted = Object.keys(figures).filter(
    (k) =>
      !catalogueServices.has(k) && !referralRows.some(([r]) => r === k) && k !== 'services_total',
  );
  const row = (key: string, label: TLabel): TReportRow => ({
    key,
    ...label,
    cells: cells(figures[key]),
  });
  return {
    key: `agency-${section.key.replace(/_/g, '-')}`,
    title: section.title,
    countUnit: {
      lo: 'ຄົນ: ແຕ່ລະຄົນນັບຄັ້ງດຽວຕໍ່ແຖວ; ຄັ້ງ: ຈຳນວນການສົ່ງຕໍ່ (ແຖວການສົ່ງຕໍ່) ຫຼື ຈຳນວນຄັ້ງທີ່ໃຫ້ບໍລິການ (ແຖວບໍລິການ)',
      en: 'People: each person once per row; times: referrals (referral rows) or times the service was given (service rows)',
    },
    columns: [
      { key: 'people', lo: 'ຈຳນວນຄົນ', en: 'People' },
      { key: 'female', lo: 'ຍິງ', en: 'Female' },
      { key: 'under18', lo: 'ອາຍຸຕໍ່າກວ່າ 18 ປີ', en: 'Under 18' },
      { key: 'times', lo: 'ຈຳນວນຄັ້ງ', en: 'Times' },
    ],
    rows: [
      ...referralRows.map(([k, l]) => row(k, l)),
      ...given.map((k) => row(k, catalogueServices.get(k) ?? { lo: k, en: k })),
      ...unlisted.map((k) => row(k, { lo: `ບໍລິການອື່ນ (${k})`, en: `Other service (${k})` })),
      row('services_total', { lo: 'ບໍລິການທັງໝົດ', en: 'All services given' }),
    ],
  };
}

/**
 * The national report by agency, as the annual report is laid out: one section per agency of
 * the national committee with the referrals its units received and the services they gave.
 */
export function agenciesReport(options: {
  period: TPeriod;
  filters: Record<string, string>;
  figures: TAgencyFigures;
}): TReport {
  return {
    key: 'agencies',
    title: {
      lo: 'ສະຖິຕິລະດັບຊາດ ແຍກຕາມພາກສ່ວນ',
      en: 'National statistics by agency',
    },
    period: options.period,
    filters: options.filters,
    tables: agencySections.map((s) => sectionTable(s, options.figures[s.key] ?? {})),
    notes: [
      {
        lo: 'ຕົວເລກຂອງແຕ່ລະພາກສ່ວນ ມາຈາກການສົ່ງຕໍ່ທີ່ໜ່ວຍງານຂອງພາກສ່ວນນັ້ນໄດ້ຮັບ ໃນໄລຍະ ແລະ ບໍລິການທີ່ໄດ້ບັນທຶກ (ໂດຍພາກສ່ວນ ຫຼື ໂດຍພະນັກງານແທນພາກສ່ວນທີ່ບໍ່ໃຊ້ລະບົບ)',
        en: "Each agency's figures come from the referrals its units received in the period and the services recorded (by the agency, or by staff for an agency that does not use the system)",
      },
      {
        lo: 'ຄົນດຽວກັນອາດຖືກນັບໃນຫຼາຍພາກສ່ວນ: ຢ່າບວກຈຳນວນຄົນຂອງແຕ່ລະພາກສ່ວນເຂົ້າກັນ',
        en: "One person may be counted by several agencies: do not add up the agencies' people",
      },
    ],
  };
}
