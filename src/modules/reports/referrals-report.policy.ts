import type { TReferralsData, TTicketGroup } from './referrals.repository';
import type { TPeriod } from './report-period.policy';
import type { TReport, TReportColumn, TReportTable } from './report-table.types';

const col = (
  key: string,
  lo: string,
  en: string,
  measure: TReportColumn['measure'] = 'count',
): TReportColumn => ({
  key,
  lo,
  en,
  measure,
});
const mean = (sum: number, n: number) => (n === 0 ? 0 : Math.round((10 * sum) / n) / 10);
const share = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;

function partnerTable(groups: readonly TTicketGroup[]): TReportTable {
  return {
    key: 'referrals-by-partner',
    title: { lo: 'ການສົ່ງຕໍ່ ແຍກຕາມອົງການຄູ່ຮ່ວມ ແລະ ປະເພດ', en: 'Referral tickets by partner and kind' },
    countUnit: {
      lo: 'ປີ້ຂອງການສົ່ງຕໍ່ທີ່ເຮັດໃນໄລຍະ (ຕາມວັນທີສົ່ງຕໍ່); ເວລາເປັນຊົ່ວໂມງ',
      en: "Tickets of referrals made in the period (by the referral's own date, imported ones too), each counted once in its current state; times in hours from the ticket's creation",
    },
    columns: [
      col('tickets', 'ປີ້ທັງໝົດ', 'Tickets'),
      col('pending', 'ລໍຖ້າ', 'Pending'),
      col('acknowledged', 'ຮັບຊາບ', 'Acknowledged'),
      col('accepted', 'ຮັບເອົາ', 'Accepted'),
      col('declined', 'ປະຕິເສດ', 'Declined'),
      col('inProgress', 'ກຳລັງດຳເນີນ', 'In progress'),
      col('onHold', 'ໂຈະ', 'On hold'),
      col('completed', 'ສຳເລັດ', 'Completed'),
      col('withdrawn', 'ຖອນຄືນ', 'Withdrawn'),
      col('ack', 'ເວລາຮັບຊາບສະເລ່ຍ (ຊມ)', 'Mean time to acknowledge (h)', 'seconds'),
      col('done', 'ເວລາສຳເລັດສະເລ່ຍ (ຊມ)', 'Mean time to complete (h)', 'seconds'),
      col('breaches', 'ເກີນກຳນົດເວລາ', 'SLA breaches'),
      col('served', 'ນຳໄປສູ່ບໍລິການ (%)', 'Leading to a service (%)', 'rate'),
    ],
    rows: groups.map((g) => {
      const total = g.organisation === null;
      const name = (lang: 'nameLo' | 'nameEn') =>
        `${g[lang] ?? g.organisation ?? ''} · ${g.kind ?? ''}`;
      return {
        key: total ? 'total' : `${g.organisation}:${g.kind}`,
        lo: total ? 'ລວມທັງໝົດ' : name('nameLo'),
        en: total ? 'Total' : name('nameEn'),
        cells: [
          g.tickets,
          g.pending,
          g.acknowledged,
          g.accepted,
          g.declined,
          g.inProgress,
          g.onHold,
          g.completed,
          g.withdrawn,
          mean(g.ackHoursSum, g.ackCount),
          mean(g.doneHoursSum, g.doneCount),
          g.breaches,
          share(g.served, g.tickets),
        ],
      };
    }),
  };
}

function declinesTable(declines: TReferralsData['declines']): TReportTable {
  return {
    key: 'declines',
    title: { lo: 'ການປະຕິເສດ ແຍກຕາມເຫດຜົນ', en: 'Declines by reason' },
    countUnit: {
      lo: 'ປີ້ທີ່ຖືກປະຕິເສດ',
      en: 'Declined tickets of referrals made in the period',
    },
    columns: [col('declined', 'ປະຕິເສດ', 'Declined')],
    rows: declines.map((d) => ({
      key: d.reason,
      lo: d.reason,
      en: d.reason,
      cells: [d.count],
      group: 'reasons',
    })),
  };
}

export function referralsReport(options: {
  period: TPeriod;
  filters: Record<string, string>;
  data: TReferralsData;
}): TReport {
  return {
    key: 'referrals',
    title: { lo: 'ການສົ່ງຕໍ່ຫາອົງການຄູ່ຮ່ວມ', en: 'Referrals to partners' },
    period: options.period,
    filters: options.filters,
    tables: [partnerTable(options.data.groups), declinesTable(options.data.declines)],
    notes: [
      {
        lo: 'ແຕ່ລະປີ້ນັບໜຶ່ງຄັ້ງ ຕາມສະຖານະປັດຈຸບັນ.',
        en: 'Each ticket is counted once, in its current state; a breach is a due time missed (acknowledge or resolve).',
      },
    ],
  };
}
