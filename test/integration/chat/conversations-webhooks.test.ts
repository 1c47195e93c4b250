import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatMessages } from '../../../db/schema/index';
import { simChatService } from '../../../src/simulator/sim-chat-services';
import {
  CHECKIN_TEMPLATE,
  conversationRow,
  messageRows,
  seedChatHotline,
  userWrites,
} from '../../fixtures/chat.fixture';
import {
  eventually,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { postSigned } from '../../fixtures/telephony.fixture';

let rig: TTelephonyRig;
const service = simChatService('1362', '+85621136200');

beforeAll(async () => {
  rig = await startTelephonyRig({ seed: ({ database }) => seedChatHotline(database.db) });
});
afterAll(async () => rig?.close());

const inboxOf = (channel: 'whatsapp' | 'messenger' | 'sms', from: string) =>
  rig.sim.chat.inbox(channel, from);

function messageForm(overrides: Record<string, string> = {}) {
  return {
    EventType: 'onMessageAdded',
    AccountSid: rig.stores.config.TWILIO_ACCOUNT_SID,
    ChatServiceSid: service.serviceSid,
    ConversationSid: `CH${'1'.repeat(32)}`,
    MessageSid: `IM${'2'.repeat(32)}`,
    Author: 'whatsapp:+66810000001',
    Body: 'forged',
    DateCreated: new Date().toISOString(),
    ...overrides,
  };
}

describe('Twilio Conversations webhooks', () => {
  it('refuses an unsigned webhook (400) and a forged one (403), and keeps nothing', async () => {
    const path = '/webhooks/twilio/conversations';
    const args = {
      path,
      params: messageForm(),
      token: rig.stores.config.TWILIO_AUTH_TOKEN,
      baseUrl: rig.baseUrl,
    };
    const missing = await postSigned(rig.app, { ...args, signature: null });
    const forged = await postSigned(rig.app, { ...args, token: 'not-the-token-0000' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'TWILIO_SIGNATURE_MISSING' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ error: { code: 'TWILIO_SIGNATURE_INVALID' } });
    expect(await conversationRow(rig.stores.database.db, `CH${'1'.repeat(32)}`)).toBeUndefined();
  });

  it('stores a WhatsApp message encrypted, with the sender kept only as a keyed hash', async () => {
    const { conversation, messageSid } = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66812345678',
      text: 'ຂ້ອຍຖືກບັງຄັບໃຫ້ເຮັດວຽກ',
    });
    expect(conversation).toMatchObject({ hotline: '1362', channel: 'whatsapp', language: 'lo' });
    const rows = await rig.stores.database.db.execute(
      sql`select body_enc, provider_message_id from chat_messages where provider_message_id = ${messageSid}`,
    );
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain('ບັງຄັບ');
    const conversations = await rig.stores.database.db.execute(
      sql`select * from chat_conversations where id = ${conversation.id}`,
    );
    expect(JSON.stringify(conversations)).not.toContain('66812345678');
    const transcript = await rig.app.chat.repository.transcript(conversation.id);
    expect(transcript.map((m) => m.text)).toEqual(['ຂ້ອຍຖືກບັງຄັບໃຫ້ເຮັດວຽກ']);
  });

  it('keeps a message Twilio delivers twice exactly once', async () => {
    const { conversation, messageSid } = await userWrites(rig, {
      channel: 'messenger',
      from: '4455667788',
      text: 'help me',
    });
    expect(await rig.sim.chat.redeliver(messageSid)).toBe(200);
    expect(await rig.sim.chat.redeliver(messageSid)).toBe(200);
    const rows = await messageRows(rig.stores.database.db, conversation.id);
    expect(rows.filter((r) => r.providerMessageId === messageSid)).toHaveLength(1);
  });

  it('recognises a repeat contact across WhatsApp and SMS by the keyed hash of the number', async () => {
    const first = await userWrites(rig, { channel: 'sms', from: '+66899990000', text: 'hello' });
    await rig.app.chat.outbox.send(
      { conversationId: first.conversation.id, text: 'ok', templateKey: null },
      { kind: 'system' },
    );
    await rig.app.chat.inbox.end({ provider: 'twilio', ref: first.conversationSid }, 'counsellor');
    const second = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66899990000',
      text: 'again',
    });
    expect(second.conversation.contactHash).toBe(first.conversation.contactHash);
    expect(await rig.app.chat.repository.earlierConversations(second.conversation)).toBe(1);
  });

  it('replies reach the simulated user through the Conversations REST API, with receipts', async () => {
    const { conversation } = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66811112222',
      text: 'ສະບາຍດີ',
    });
    const sent = await rig.app.chat.outbox.send(
      { conversationId: conversation.id, text: 'ສະບາຍດີ, ພວກເຮົາຟັງຢູ່', templateKey: null },
      { kind: 'system' },
    );
    expect(sent.status).toBe('sent');
    expect(inboxOf('whatsapp', '+66811112222').map((m) => m.body)).toEqual(['ສະບາຍດີ, ພວກເຮົາຟັງຢູ່']);
    await eventually(async () => {
      const rows = await messageRows(rig.stores.database.db, conversation.id);
      return rows.find((r) => r.direction === 'outbound')?.delivery === 'delivered';
    });
  });

  it('outside WhatsApp’s 24 hours only an approved template goes out', async () => {
    const { conversation } = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66813334444',
      text: 'help',
    });
    await rig.stores.database.db.execute(
      sql`update chat_conversations set last_inbound_at = now() - interval '25 hours' where id = ${conversation.id}`,
    );
    const free = await rig.app.chat.outbox.send(
      { conversationId: conversation.id, text: 'are you there?', templateKey: null },
      { kind: 'system' },
    );
    expect(free).toEqual({ status: 'refused', code: 'CHAT_WINDOW_CLOSED' });
    const unknown = await rig.app.chat.outbox.send(
      { conversationId: conversation.id, text: 'x', templateKey: 'marketing' },
      { kind: 'system' },
    );
    expect(unknown).toEqual({ status: 'refused', code: 'CHAT_TEMPLATE_NOT_APPROVED' });
    expect(inboxOf('whatsapp', '+66813334444')).toEqual([]);
    const template = await rig.app.chat.outbox.send(
      { conversationId: conversation.id, text: 'ignored', templateKey: 'checkin' },
      { kind: 'system' },
    );
    expect(template.status).toBe('sent');
    expect(inboxOf('whatsapp', '+66813334444').map((m) => m.contentSid)).toEqual([
      CHECKIN_TEMPLATE,
    ]);
    const transcript = await rig.app.chat.repository.transcript(conversation.id);
    expect(transcript.at(-1)?.text).toBe('ສະບາຍດີ, ທ່ານຍັງຕ້ອງການລົມກັນບໍ່?');
  });

  it('a stop word in Lao ends the chat and nothing is ever sent after it', async () => {
    const { conversation, conversationSid } = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66815556666',
      text: 'ສະບາຍດີ',
    });
    await rig.sim.chat.userWrites({
      hotline: '1362',
      channel: 'whatsapp',
      from: '+66815556666',
      text: ' ຢຸດ ',
    });
    const stopped = await eventually(async () => {
      const row = await conversationRow(rig.stores.database.db, conversationSid);
      return row?.stoppedAt ? row : undefined;
    });
    expect(stopped).toMatchObject({ state: 'ended', endReason: 'stop_word' });
    expect(rig.sim.chat.conversations.get(conversationSid)?.state).toBe('closed');
    for (const templateKey of [null, 'checkin'])
      expect(
        await rig.app.chat.outbox.send(
          { conversationId: conversation.id, text: 'please come back', templateKey },
          { kind: 'system' },
        ),
      ).toEqual({ status: 'refused', code: 'CHAT_STOPPED' });
    expect(inboxOf('whatsapp', '+66815556666')).toEqual([]);
  });

  it('an English STOP works too; a sentence containing "stop" does not end the chat', async () => {
    const talking = await userWrites(rig, {
      channel: 'sms',
      from: '+66817778888',
      text: "I can't stop crying",
    });
    expect(talking.conversation.stoppedAt).toBeNull();
    await rig.sim.chat.userWrites({
      hotline: '1362',
      channel: 'sms',
      from: '+66817778888',
      text: 'STOP',
    });
    await eventually(async () =>
      (await conversationRow(rig.stores.database.db, talking.conversationSid))?.stoppedAt
        ? true
        : undefined,
    );
  });

  it('never writes first: a conversation the contact has not written in takes nothing', async () => {
    const result = await rig.app.chat.outbox.send(
      { conversationId: crypto.randomUUID(), text: 'hello', templateKey: null },
      { kind: 'system' },
    );
    expect(result).toEqual({ status: 'refused', code: 'CHAT_CONVERSATION_NOT_FOUND' });
    const count = await rig.stores.database.db.$count(chatMessages);
    expect(count).toBeGreaterThan(0);
  });
});
