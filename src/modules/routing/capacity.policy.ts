import type { TChannel } from './task';

/**
 * How many tasks of each channel a counsellor can hold at once. A call takes the whole desk; a
 * chat leaves room for more chats (three by default). Data, so an administrator can change it
 * per counsellor later without routing changing shape.
 *
 * Today dispatch offers one task at a time and a counsellor on a task is not available, which
 * is exactly the voice capacity of one: this policy is the model chat dispatch will use.
 */
export type TChannelCapacity = Readonly<Record<TChannel, number>>;

export const defaultCapacity: TChannelCapacity = { voice: 1, chat: 3 };

/** Tasks a counsellor holds now, per channel. */
export type TChannelLoad = Readonly<Partial<Record<TChannel, number>>>;

/**
 * Whether a counsellor holding `load` may be offered one more task of `channel`: within that
 * channel's capacity, and never beside a call (nor a call beside anything else).
 */
export function hasRoomFor(
  load: TChannelLoad,
  channel: TChannel,
  capacity: TChannelCapacity = defaultCapacity,
): boolean {
  const held = (c: TChannel) => load[c] ?? 0;
  if (held('voice') > 0) return false;
  if (channel === 'voice') return Object.values(load).every((n) => !n);
  return held(channel) < capacity[channel];
}
