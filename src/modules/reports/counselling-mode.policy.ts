import type { contactChannels, contactTypes } from '../../contracts/contact-vocabulary';
import type { TCounsellingMode } from './national-statistics.types';

/**
 * How a contact's channel maps to the national report's counselling modes: a call to the hotline
 * number is "hotline", a call-back from a counsellor is "ordinary phone", a walk-in or a field
 * visit is "face to face", a written conversation (WhatsApp, Messenger, SMS or the web chat, all
 * through the chat queue) is "chat". The order is the order of the report's rows.
 */
export const modeChannels: Record<
  TCounsellingMode,
  ReadonlyArray<(typeof contactChannels)[number]>
> = {
  hotline: ['call'],
  phone: ['call_back'],
  face_to_face: ['walk_in', 'field_visit'],
  chat: ['chat', 'sms'],
};

/**
 * Printed with the national report (its notes sheet): which recorded channels make each mode. A
 * contact recorded with channel `sms` counts as chat: on the desk an SMS conversation comes through
 * the chat queue and is recorded as a chat, so `sms` is written only by the historical import and
 * the records API for the same kind of written session, which must not be split off by how it
 * was recorded.
 */
export const counsellingModeNote = {
  lo: 'ຮູບແບບການໃຫ້ຄຳປຶກສາ: ສາຍດ່ວນ = ໂທເຂົ້າເບີສາຍດ່ວນ; ໂທລະສັບ = ທີ່ປຶກສາໂທກັບຫາ; ຊຶ່ງໜ້າ = ມາຫາທີ່ສູນ ຫຼື ລົງຢ້ຽມຢາມ; ແຊັດ = WhatsApp, Messenger, ເວັບ ແລະ SMS (ລວມທັງການຕິດຕໍ່ທາງ SMS ໃນບັນທຶກທີ່ນຳເຂົ້າ).',
  en: 'Counselling modes: hotline = a call to the hotline number; ordinary phone = a call-back by a counsellor; face to face = a walk-in or a field visit; chat = WhatsApp, Messenger, the web chat and SMS (contacts recorded with channel SMS, e.g. in imported records, count as chat).',
} as const;

/** The modes in report order. */
export const counsellingModeKeys = Object.keys(modeChannels) as readonly TCounsellingMode[];

/** Contact types that are not a conversation with someone who needed help. */
export const nonCounsellingContactTypes = [
  'silent',
  'prank',
  'wrong_number',
  'abusive',
  'hang_up',
] as const satisfies ReadonlyArray<(typeof contactTypes)[number]>;

export function counsellingModeOf(channel: string, contactType: string): TCounsellingMode | null {
  if ((nonCounsellingContactTypes as readonly string[]).includes(contactType)) return null;
  for (const [mode, channels] of Object.entries(modeChannels) as Array<
    [TCounsellingMode, readonly string[]]
  >)
    if (channels.includes(channel)) return mode;
  return null;
}
