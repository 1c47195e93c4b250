import type { TLabel, TReportTable } from './report-table.types';

/** Contacts of one channel in the period: received, and taken by a counsellor. */
export type TChannelCounts = { key: string; received: number; answered: number };

/** The rows of the channel table, in order: the phone, then each chat channel (chat_conversations.channel). */
const channelRows: ReadonlyArray<[string, TLabel]> = [
  ['voice', { lo: 'ໂທລະສັບ (ສາຍດ່ວນ)', en: 'Voice (hotline calls)' }],
  ['whatsapp', { lo: 'WhatsApp', en: 'WhatsApp' }],
  ['messenger', { lo: 'Facebook Messenger', en: 'Facebook Messenger' }],
  ['sms', { lo: 'ຂໍ້ຄວາມ SMS', en: 'SMS' }],
  ['web', { lo: 'ແຊັດໃນເວັບໄຊ', en: 'Web chat' }],
];

/**
 * Calls and chats side by side, one row per channel: the channel dimension of the operations
 * report. A call is received when it reaches the system and answered when it is connected to a
 * counsellor (the calls table's rule); a chat is received when its first message arrives and
 * answered when a counsellor accepts it. Not answered = received − answered (for calls: abandoned,
 * left in the menu, after hours, blocked or forwarded).
 */
export function channelTable(
  calls: { calls: number; answered: number } | undefined,
  chats: readonly TChannelCounts[],
): TReportTable {
  const byKey = new Map(chats.map((c) => [c.key, c]));
  const counts = (key: string): TChannelCounts =>
    key === 'voice'
      ? { key, received: calls?.calls ?? 0, answered: calls?.answered ?? 0 }
      : (byKey.get(key) ?? { key, received: 0, answered: 0 });
  const rows = channelRows.map(([key, label]) => ({ label, ...counts(key) }));
  const received = rows.reduce((n, r) => n + r.received, 0);
  const answered = rows.reduce((n, r) => n + r.answered, 0);
  return {
    key: 'contacts-by-channel',
    title: { lo: 'ສາຍໂທ ແລະ ແຊັດ ແຍກຕາມຊ່ອງທາງ', en: 'Calls and chats by channel' },
    countUnit: {
      lo: 'ແຕ່ລະສາຍໂທ ຫຼື ແຕ່ລະການແຊັດ ນັບໜຶ່ງຄັ້ງ ຕາມເວລາທີ່ເລີ່ມ; ຮັບ = ເຊື່ອມຕໍ່ກັບຜູ້ໃຫ້ຄຳປຶກສາ ຫຼື ຜູ້ໃຫ້ຄຳປຶກສາຮັບແຊັດ',
      en: 'Each call or chat counted once, when it began; answered = connected to a counsellor (call) or accepted by a counsellor (chat)',
    },
    columns: [
      { key: 'received', lo: 'ເຂົ້າມາ', en: 'Received', measure: 'count' },
      { key: 'answered', lo: 'ຮັບ', en: 'Answered', measure: 'count' },
      { key: 'notAnswered', lo: 'ບໍ່ໄດ້ຮັບ', en: 'Not answered', measure: 'count' },
    ],
    rows: [
      ...rows.map((r) => ({
        key: r.key,
        ...r.label,
        cells: [r.received, r.answered, r.received - r.answered],
        group: 'channels',
      })),
      {
        key: 'total',
        lo: 'ລວມທັງໝົດ',
        en: 'Total',
        cells: [received, answered, received - answered],
      },
    ],
  };
}
