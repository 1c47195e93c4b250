import type { TChannel } from './task';

/**
 * How much a counsellor can hold at once, per channel: a call takes the whole desk; chats leave
 * room for more chats (three by default). Data, stored per counsellor (staff_users) and set by an
 * administrator or supervisor; the Redis scripts mirror `hasRoomFor` in `roomFor`
 * (routing.scripts.ts) so an offer is reserved only within it.
 */
export type TCapacity = Readonly<{
  /** Calls at once: 1, or 0 for a counsellor who takes chats only. */
  voice: number;
  /** Chats at once (0: no chats). */
  chat: number;
  /** Whether a call may be offered while she holds chats (they wait while she talks). */
  callsWhileChatting: boolean;
}>;

export const defaultCapacity: TCapacity = { voice: 1, chat: 3, callsWhileChatting: false };

/** Tasks a counsellor holds now, per channel. */
export type TChannelLoad = Readonly<Partial<Record<TChannel, number>>>;

/**
 * Whether a counsellor holding `load` may be offered one more task of `channel`: never beside a
 * call; a call only on a free desk (or beside chats when her setting allows it); chats up to
 * the chat capacity.
 */
export function hasRoomFor(
  load: TChannelLoad,
  channel: TChannel,
  capacity: TCapacity = defaultCapacity,
): boolean {
  const held = (c: TChannel) => load[c] ?? 0;
  if (held('voice') > 0) return false;
  if (channel === 'voice')
    return capacity.voice > 0 && (held('chat') === 0 || capacity.callsWhileChatting);
  return held('chat') < capacity.chat;
}

/** Whether she can be offered anything at all (listed as available to dispatch). */
export function hasAnyRoom(load: TChannelLoad, capacity: TCapacity = defaultCapacity): boolean {
  return hasRoomFor(load, 'chat', capacity) || hasRoomFor(load, 'voice', capacity);
}
