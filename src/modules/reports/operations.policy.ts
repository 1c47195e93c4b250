import { channelTable, type TChannelCounts } from './operations-channels.policy';
import type { TLabel, TReportColumn, TReportTable } from './report-table.types';

/**
 * Operations figures from the durable call log. Count units: one row of `calls` is one call
 * (one Twilio CallSid), counted on the Lao calendar day and hour it started.
 *
 * - answered: the caller left the queue to be connected to a counsellor;
 * - abandoned: the caller entered the queue and hung up before being connected; a "short
 *   abandon" waited under SHORT_ABANDON_SECONDS and is kept apart (likely a misdial);
 * - service level: answered within SERVICE_LEVEL_SECONDS / (answered + abandoned − short);
 * - average speed of answer: mean queue wait of answered calls.
 */
export const SERVICE_LEVEL_SECONDS = 20;
export const SHORT_ABANDON_SECONDS = 10;

export type TCallOutcome =
  | 'answered'
  | 'abandoned'
  | 'short_abandoned'
  | 'forwarded'
  | 'after_hours'
  | 'blocked'
  | 'left_ivr';

/** The SQL in operations.repository.ts applies the same decision to every row. */
export function callOutcome(call: {
  route: string | null;
  enqueuedAt: Date | null;
  queueResult: string | null;
  waitSeconds: number | null;
}): TCallOutcome {
  if (call.route === 'blocked') return 'blocked';
  if (call.route?.startsWith('after-hours')) return 'after_hours';
  if (call.route?.endsWith('fallback')) return 'forwarded';
  if (call.enqueuedAt === null) return 'left_ivr';
  if (call.queueResult === 'redirected' || call.queueResult === 'bridged') return 'answered';
  return (call.waitSeconds ?? 0) < SHORT_ABANDON_SECONDS ? 'short_abandoned' : 'abandoned';
}

/** Counts for one group of calls (a hotline, a day, an hour), as the repository sums them. */
export type TCallGroup = {
  key: string;
  calls: number;
  queued: number;
  answered: number;
  answeredInTarget: number;
  abandoned: number;
  shortAbandoned: number;
  /** Hung up in the welcome or the language menu: never queued, still a person who called. */
  leftInMenu: number;
  /** The optional after-call question: asked, answered 1 (helped) and 2 (not helped). */
  afterCallAsked: number;
  afterCallYes: number;
  afterCallNo: number;
  afterHours: number;
  blocked: number;
  forwarded: number;
  callbacks: number;
  /** Press-1 call-backs placed, and the sum of seconds from the request to placing them. */
  callbacksPlaced: number;
  callbackWaitSeconds: number;
  answerWaitSeconds: number;
  longestWaitSeconds: number;
};

export type TCounsellorActivity = {
  key: string;
  name: string;
  offered: number;
  accepted: number;
  rejected: number;
  timedOut: number;
  contacts: number;
  handleSeconds: number;
};

const rate = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;
const mean = (sum: number, n: number) => (n === 0 ? 0 : Math.round(sum / n));
const col = (
  key: string,
  lo: string,
  en: string,
  measure: TReportColumn['measure'] = 'count',
): TReportColumn => ({ key, lo, en, measure });

const callUnit: TLabel = {
  lo: 'ສາຍ: ແຕ່ລະສາຍໂທນັບໜຶ່ງຄັ້ງ ຕາມວັນ ແລະ ຊົ່ວໂມງທີ່ເລີ່ມ (ເວລາລາວ)',
  en: `Calls: each call counted once, on the Lao day and hour it started; service level = answered within ${SERVICE_LEVEL_SECONDS} s / (answered + abandoned), short abandons (< ${SHORT_ABANDON_SECONDS} s) apart`,
};

export function serviceLevel(g: TCallGroup): number {
  return rate(g.answeredInTarget, g.answered + g.abandoned);
}

function hotlineTable(groups: readonly TCallGroup[]): TReportTable {
  return {
    key: 'calls-by-hotline',
    title: { lo: 'ສາຍໂທ ແຍກຕາມສາຍດ່ວນ ແລະ ຜົນ', en: 'Calls by hotline and outcome' },
    countUnit: callUnit,
    columns: [
      col('calls', 'ສາຍທັງໝົດ', 'Calls'),
      col('queued', 'ເຂົ້າຄິວ', 'Queued'),
      col('answered', 'ຮັບສາຍ', 'Answered'),
      col('abandoned', 'ວາງສາຍລະຫວ່າງລໍ', 'Abandoned'),
      col('shortAbandoned', 'ວາງສາຍໄວ', 'Short abandons'),
      col('leftInMenu', 'ວາງສາຍໃນເມນູ', 'Left in the menu'),
      col('afterHours', 'ນອກເວລາ', 'After hours'),
      col('forwarded', 'ໂອນສາຍ', 'Forwarded'),
      col('blocked', 'ຖືກບລັອກ', 'Blocked'),
      col('callbacks', 'ຂໍໃຫ້ໂທກັບ', 'Call-backs requested'),
      col('callbacksPlaced', 'ໂທກັບແລ້ວ', 'Call-backs made'),
      col('callbackTime', 'ເວລາຈົນໂທກັບ ສະເລ່ຍ (ວິນາທີ)', 'Average time to call-back (s)', 'seconds'),
      col('afterCallAsked', 'ຖາມຫຼັງວາງສາຍ', 'After-call question asked'),
      col('afterCallYes', 'ຕອບວ່າໄດ້ຮັບການຊ່ວຍເຫຼືອ', 'Answered: got help'),
      col('afterCallNo', 'ຕອບວ່າບໍ່ໄດ້ຮັບ', 'Answered: did not'),
      col(
        'serviceLevel',
        'ລະດັບການບໍລິການ (%)',
        `Service level (% within ${SERVICE_LEVEL_SECONDS} s)`,
        'rate',
      ),
      col('asa', 'ເວລາລໍສະເລ່ຍ (ວິນາທີ)', 'Average speed of answer (s)', 'seconds'),
      col('abandonRate', 'ອັດຕາວາງສາຍ (%)', 'Abandonment (%)', 'rate'),
      col('longestWait', 'ລໍດົນສຸດ (ວິນາທີ)', 'Longest wait (s)', 'seconds'),
    ],
    rows: groups.map((g) => ({
      key: g.key,
      lo: g.key === 'total' ? 'ລວມທັງໝົດ' : g.key,
      en: g.key === 'total' ? 'Total' : g.key,
      cells: [
        g.calls,
        g.queued,
        g.answered,
        g.abandoned,
        g.shortAbandoned,
        g.leftInMenu,
        g.afterHours,
        g.forwarded,
        g.blocked,
        g.callbacks,
        g.callbacksPlaced,
        mean(g.callbackWaitSeconds, g.callbacksPlaced),
        g.afterCallAsked,
        g.afterCallYes,
        g.afterCallNo,
        serviceLevel(g),
        mean(g.answerWaitSeconds, g.answered),
        rate(g.abandoned, g.answered + g.abandoned),
        g.longestWaitSeconds,
      ],
    })),
  };
}

function seriesTable(
  key: string,
  title: TLabel,
  groups: readonly TCallGroup[],
  label: (k: string) => string,
): TReportTable {
  return {
    key,
    title,
    countUnit: callUnit,
    columns: [
      col('calls', 'ສາຍທັງໝົດ', 'Calls'),
      col('answered', 'ຮັບສາຍ', 'Answered'),
      col('abandoned', 'ວາງສາຍລະຫວ່າງລໍ', 'Abandoned'),
      col('serviceLevel', 'ລະດັບການບໍລິການ (%)', 'Service level (%)', 'rate'),
    ],
    rows: groups.map((g) => ({
      key: g.key,
      lo: label(g.key),
      en: label(g.key),
      cells: [g.calls, g.answered, g.abandoned, serviceLevel(g)],
    })),
  };
}

function counsellorTable(rows: readonly TCounsellorActivity[]): TReportTable {
  return {
    key: 'counsellors',
    title: { lo: 'ການເຄື່ອນໄຫວຂອງຜູ້ໃຫ້ຄຳປຶກສາ', en: 'Counsellor activity' },
    countUnit: {
      lo: 'ການສະເໜີສາຍ ແລະ ການຕິດຕໍ່ ໃນໄລຍະ',
      en: 'Offers from the routing log; contacts recorded in the period; handle time = mean contact duration',
    },
    columns: [
      col('offered', 'ສະເໜີສາຍ', 'Offers'),
      col('accepted', 'ຮັບ', 'Accepted'),
      col('rejected', 'ປະຕິເສດ', 'Rejected'),
      col('timedOut', 'ໝົດເວລາ', 'Timed out'),
      col('contacts', 'ການຕິດຕໍ່', 'Contacts recorded'),
      col('handle', 'ເວລາສະເລ່ຍ (ວິນາທີ)', 'Average handle time (s)', 'seconds'),
    ],
    rows: rows.map((r) => ({
      key: r.key,
      lo: r.name,
      en: r.name,
      cells: [
        r.offered,
        r.accepted,
        r.rejected,
        r.timedOut,
        r.contacts,
        mean(r.handleSeconds, r.contacts),
      ],
    })),
  };
}

export function operationsTables(input: {
  byHotline: readonly TCallGroup[];
  chats: readonly TChannelCounts[];
  byDay: readonly TCallGroup[];
  byHour: readonly TCallGroup[];
  counsellors: readonly TCounsellorActivity[];
}): TReportTable[] {
  const hours = new Map(input.byHour.map((g) => [g.key, g]));
  const allHours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')).map(
    (h) => hours.get(h) ?? { ...emptyGroup(), key: h },
  );
  return [
    hotlineTable(input.byHotline),
    seriesTable(
      'calls-by-day',
      { lo: 'ສາຍໂທ ແຍກຕາມວັນ', en: 'Calls by day' },
      input.byDay,
      (k) => k,
    ),
    seriesTable(
      'calls-by-hour',
      { lo: 'ສາຍໂທ ແຍກຕາມຊົ່ວໂມງ (ເວລາລາວ)', en: 'Calls by hour of day (Lao time)' },
      allHours,
      (k) => `${k}:00`,
    ),
    counsellorTable(input.counsellors),
    channelTable(
      input.byHotline.find((g) => g.key === 'total'),
      input.chats,
    ),
  ];
}

export function emptyGroup(): TCallGroup {
  return {
    key: '',
    calls: 0,
    queued: 0,
    answered: 0,
    answeredInTarget: 0,
    abandoned: 0,
    shortAbandoned: 0,
    leftInMenu: 0,
    afterCallAsked: 0,
    afterCallYes: 0,
    afterCallNo: 0,
    afterHours: 0,
    blocked: 0,
    forwarded: 0,
    callbacks: 0,
    callbacksPlaced: 0,
    callbackWaitSeconds: 0,
    answerWaitSeconds: 0,
    longestWaitSeconds: 0,
  };
}
