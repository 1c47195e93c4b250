import { describe, expect, it } from 'vitest';
import {
  decideChatSend,
  type TSendableConversation,
} from '../../../src/modules/chat/chat-send.policy';
import { detectStopWord } from '../../../src/modules/chat/stop-word.policy';
import { channelOfTwilioAddress } from '../../../src/modules/chat/chat-address.policy';

describe('stop words', () => {
  it.each(['ຢຸດ', ' ຢຸດ!', 'ເຊົາ', 'STOP', 'stop.', 'Unsubscribe', '\u200bຢຸດ\u200b'])(
    'ends the chat on %j',
    (text) => expect(detectStopWord(text).stop).toBe(true),
  );
  it.each(["I can't stop crying", 'ຢຸດເຮັດວຽກບໍ່ໄດ້', 'help', '', 'stopped'])(
    'does not end the chat on %j',
    (text) => expect(detectStopWord(text).stop).toBe(false),
  );
  it('says which language the word was in', () => {
    expect(detectStopWord('ຢຸດ')).toEqual({ stop: true, word: 'ຢຸດ', language: 'lo' });
  });
});

describe('what may be sent', () => {
  const now = new Date('2026-12-05T00:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
  const open: TSendableConversation = {
    channel: 'whatsapp',
    state: 'active',
    stoppedAt: null,
    noMessages: false,
    lastInboundAt: hoursAgo(1),
  };
  const decide = (c: Partial<TSendableConversation>, templateKey: string | null = null) =>
    decideChatSend({
      conversation: { ...open, ...c },
      templateKey,
      approvedTemplates: ['checkin'],
      now,
    });

  it('free text inside the 24 hours', () => expect(decide({})).toEqual({ allowed: true }));
  it('outside the 24 hours only an approved template', () => {
    expect(decide({ lastInboundAt: hoursAgo(25) })).toEqual({
      allowed: false,
      code: 'CHAT_WINDOW_CLOSED',
    });
    expect(decide({ lastInboundAt: hoursAgo(25) }, 'checkin')).toEqual({ allowed: true });
    expect(decide({ lastInboundAt: hoursAgo(25) }, 'promo')).toMatchObject({
      code: 'CHAT_TEMPLATE_NOT_APPROVED',
    });
  });
  it('the window is WhatsApp’s: SMS after 25 hours may still be answered', () =>
    expect(decide({ channel: 'sms', lastInboundAt: hoursAgo(25) })).toEqual({ allowed: true }));
  it('a stop word outlasts everything, templates included', () =>
    expect(decide({ stoppedAt: hoursAgo(0.5), noMessages: true }, 'checkin')).toMatchObject({
      code: 'CHAT_STOPPED',
    }));
  it('"no messages" is never written to', () =>
    expect(decide({ noMessages: true })).toMatchObject({ code: 'CHAT_NO_MESSAGES' }));
  it('never writes first', () =>
    expect(decide({ lastInboundAt: null })).toMatchObject({
      code: 'CHAT_NOT_STARTED_BY_CONTACT',
    }));
  it('an ended chat takes nothing more', () =>
    expect(decide({ state: 'ended' })).toMatchObject({ code: 'CHAT_ENDED' }));
});

describe('channel of a Conversations author', () => {
  it.each([
    ['whatsapp:+66812345678', 'whatsapp'],
    ['messenger:1234567890', 'messenger'],
    ['+66812345678', 'sms'],
    ['hotline-1362', null],
    ['system', null],
  ])('%s → %s', (address, channel) => expect(channelOfTwilioAddress(address)).toBe(channel));
});
