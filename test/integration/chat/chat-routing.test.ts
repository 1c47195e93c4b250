import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/index';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { seedChatHotline, userWrites } from '../../fixtures/chat.fixture';
import {
  eventually,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';

// A WhatsApp message becomes a chat task: offered to the available counsellor who speaks the
// language, accepted over her desk socket; her reply reaches the simulated user; she ends it.
let rig: TTelephonyRig;
let lao: TCounsellorClient;
let english: TCounsellorClient;
let laoCookie: string;
let laoId: string;

beforeAll(async () => {
  rig = await startTelephonyRig({
    overrides: { ROUTING_OFFER_TIMEOUT_MS: '20000', ROUTING_WRAP_UP_MS: '0' },
    seed: ({ database }) => seedChatHotline(database.db),
  });
  const laoStaff = await createStaff(rig.stores, { role: 'counsellor', languages: ['lo'] });
  const englishStaff = await createStaff(rig.stores, { role: 'counsellor', languages: ['en'] });
  laoId = laoStaff.id;
  laoCookie = await loginAs(rig.app, laoStaff);
  const connect = async (cookie: string) =>
    connectCounsellor({ url: rig.baseUrl, cookie, origin: rig.baseUrl });
  english = await connect(await loginAs(rig.app, englishStaff));
  await english.socket.emitWithAck('presence:set', { state: 'available' });
  lao = await connect(laoCookie);
  await lao.socket.emitWithAck('presence:set', { state: 'available' });
});
afterAll(async () => {
  lao?.close();
  english?.close();
  await rig?.close();
});

const staffApi = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  rig.app.inject({
    method,
    url,
    headers: { cookie: laoCookie, origin: rig.baseUrl },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('a WhatsApp chat in the queue', () => {
  it('reaches the Lao-speaking counsellor, her reply reaches the user, and she ends it', async () => {
    const { conversation, conversationSid } = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66812220000',
      text: 'ຂ້ອຍຢູ່ໄທ, ນາຍຈ້າງເອົາໜັງສືຜ່ານແດນໄປ',
    });
    const offer = await lao.nextOffer();
    expect(offer).toMatchObject({ taskId: conversation.id, hotline: '1362', language: 'lo' });
    expect(english.offers).toEqual([]);
    const accepted = await lao.socket.emitWithAck('call:accept', { offerId: offer.offerId });
    expect(accepted).not.toHaveProperty('error');
    await eventually(async () => {
      const row = await rig.app.chat.repository.conversation(conversation.id);
      return row?.state === 'active' && row.assignedTo === laoId;
    });

    const read = await staffApi('GET', `/api/staff/chats/${conversation.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().messages.map((m: { text: string }) => m.text)).toEqual([
      'ຂ້ອຍຢູ່ໄທ, ນາຍຈ້າງເອົາໜັງສືຜ່ານແດນໄປ',
    ]);
    const audited = await rig.stores.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'chat.transcript_viewed'), eq(auditLog.entityId, conversation.id)),
      );
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actorId).toBe(laoId);

    const reply = await staffApi('POST', `/api/staff/chats/${conversation.id}/messages`, {
      text: 'ພວກເຮົາຢູ່ນີ້, ທ່ານປອດໄພບໍ່?',
    });
    expect(reply.statusCode).toBe(201);
    expect(rig.sim.chat.inbox('whatsapp', '+66812220000').map((m) => m.body)).toEqual([
      'ພວກເຮົາຢູ່ນີ້, ທ່ານປອດໄພບໍ່?',
    ]);

    expect((await staffApi('POST', `/api/staff/chats/${conversation.id}/end`)).statusCode).toBe(
      204,
    );
    expect(rig.sim.chat.conversations.get(conversationSid)?.state).toBe('closed');
    const after = await staffApi('POST', `/api/staff/chats/${conversation.id}/messages`, {
      text: 'one more',
    });
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ error: { code: 'CHAT_ENDED' } });
    expect(rig.sim.chat.inbox('whatsapp', '+66812220000')).toHaveLength(1);
  });

  it('a chat nobody can take yet is listed as waiting, not lost', async () => {
    await lao.socket.emitWithAck('presence:set', { state: 'offline' });
    await eventually(async () => {
      const { conversation } = await userWrites(rig, {
        channel: 'messenger',
        from: '5566778899',
        text: 'hello?',
      });
      return conversation;
    });
    const list = await staffApi('GET', '/api/staff/chats/waiting');
    expect(list.statusCode).toBe(200);
    expect(list.json().chats.map((c: { channel: string }) => c.channel)).toContain('messenger');
  });
});
