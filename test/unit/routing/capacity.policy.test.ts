import { describe, expect, it } from 'vitest';
import { defaultCapacity, hasRoomFor } from '../../../src/modules/routing/capacity.policy';

describe('capacity per channel', () => {
  it('a free counsellor can take a call or a chat', () => {
    expect(hasRoomFor({}, 'voice')).toBe(true);
    expect(hasRoomFor({}, 'chat')).toBe(true);
  });

  it('a call takes the whole desk: nothing else beside it, and no call beside a chat', () => {
    expect(hasRoomFor({ voice: 1 }, 'voice')).toBe(false);
    expect(hasRoomFor({ voice: 1 }, 'chat')).toBe(false);
    expect(hasRoomFor({ chat: 1 }, 'voice')).toBe(false);
  });

  it('chats fill up to the channel capacity (three by default), then stop', () => {
    expect(defaultCapacity.chat).toBe(3);
    expect(hasRoomFor({ chat: 2 }, 'chat')).toBe(true);
    expect(hasRoomFor({ chat: 3 }, 'chat')).toBe(false);
    expect(hasRoomFor({ chat: 1 }, 'chat', { voice: 1, chat: 1 })).toBe(false);
  });
});
