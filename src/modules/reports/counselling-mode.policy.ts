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
