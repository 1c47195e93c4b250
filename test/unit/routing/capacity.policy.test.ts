import { describe, expect, it } from 'vitest';
import {
  defaultCapacity,
  hasAnyRoom,
  hasRoomFor,
} from '../../../src/modules/routing/capacity.policy';
import { planOffers } from '../../../src/modules/routing/routing.policy';

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
    expect(hasRoomFor({ chat: 1 }, 'chat', { ...defaultCapacity, chat: 1 })).toBe(false);
  });
});

describe('capacity as each counsellor has it', () => {
  const chatsOnly = { voice: 0, chat: 5, callsWhileChatting: false };
  const callBesideChats = { ...defaultCapacity, callsWhileChatting: true };

  it('a call beside chats only when her setting allows it, and never beside another call', () => {
    expect(hasRoomFor({ chat: 2 }, 'voice', callBesideChats)).toBe(true);
    expect(hasRoomFor({ voice: 1, chat: 2 }, 'voice', callBesideChats)).toBe(false);
  });

  it('a counsellor who takes chats only is never offered a call, and is listed while she has room', () => {
    expect(hasRoomFor({}, 'voice', chatsOnly)).toBe(false);
    expect(hasRoomFor({ chat: 4 }, 'chat', chatsOnly)).toBe(true);
    expect(hasAnyRoom({ chat: 5 }, chatsOnly)).toBe(false);
    expect(hasAnyRoom({ chat: 3 })).toBe(false);
    expect(hasAnyRoom({ chat: 2 })).toBe(true);
  });
});

describe('dispatch within capacity (planOffers)', () => {
  const settings = { relaxLanguageAfterMs: 60_000, relaxHotlineAfterMs: 120_000 };
  const task = (callSid: string, score: number, channel: 'voice' | 'chat') => ({
    callSid,
    hotline: '1362',
    language: 'lo',
    enqueuedAt: score,
    score,
    kind: 'inbound' as const,
    channel,
  });
  const noi = { userId: 'noi', hotlines: ['1362'], languages: ['lo'], idleSince: 0 };

  it('a call first in line passes a counsellor holding a chat; the chat behind it is hers', () => {
    const plan = planOffers(
      [task('call', 1, 'voice'), task('chat', 2, 'chat')],
      [{ ...noi, chats: 1 }],
      10,
      settings,
    );
    expect(plan).toEqual([{ callSid: 'chat', userId: 'noi', tier: 'exact' }]);
  });

  it('a free counsellor takes the first in line, whatever its channel', () => {
    const plan = planOffers(
      [task('call', 1, 'voice'), task('chat', 2, 'chat')],
      [noi],
      10,
      settings,
    );
    expect(plan).toEqual([{ callSid: 'call', userId: 'noi', tier: 'exact' }]);
  });

  it('her own setting counts: three chats held and a limit of four leaves room for one more', () => {
    const plan = planOffers(
      [task('chat', 2, 'chat')],
      [{ ...noi, chats: 3, capacity: { ...defaultCapacity, chat: 4 } }],
      10,
      settings,
    );
    expect(plan).toHaveLength(1);
    expect(planOffers([task('chat', 2, 'chat')], [{ ...noi, chats: 3 }], 10, settings)).toEqual([]);
  });
});
