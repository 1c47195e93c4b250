import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/index';
import type { TChatMessage } from '../../../src/contracts/chat';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { seedChatHotline, userWrites, staffRequests } from '../../fixtures/chat.fixture';
import {
  eventually,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';

// The desk's live chat through the simulator: the offer says it is a chat, the visitor's next
// message and the counsellor's reply are pushed to her desk, and a transfer to the English queue
// reaches the English-speaking counsellor with the whole transcript, audited.
let rig: TTelephonyRig;
let lao: TCounsellorClient;
let english: TCounsellorClient;
let laoCookie: string;
let englishCookie: string;
let laoId: string;
const pushed: Array<{ conversationId: string; message: TChatMessage }> = [];

beforeAll(async () => {
  rig = await startTelephonyRig({
    overrides: { ROUTING_OFFER_TIMEOUT_MS: '20000', ROUTING_WRAP_UP_MS: '0' },
    seed: ({ database }) => seedChatHotline(database.db),
  });
  const laoStaff = await createStaff(rig.stores, { role: 'counsellor', languages: ['lo'] });
  const englishStaff = await createStaff(rig.stores, { role: 'counsellor', languages: ['en'] });
  laoId = laoStaff.id;
  laoCookie = await loginAs(rig.app, laoStaff);
  englishCookie = await loginAs(rig.app, englishStaff);
  const connect = (cookie: string) =>
    connectCounsellor({ url: rig.baseUrl, cookie, origin: rig.baseUrl });
  english = await connect(englishCookie);
  await english.socket.emitWithAck('presence:set', { state: 'available' });
  lao = await connect(laoCookie);
  lao.socket.on('chat:message', (p) => pushed.push(p));
  await lao.socket.emitWithAck('presence:set', { state: 'available' });
});
afterAll(async () => {
  lao?.close();
  english?.close();
  await rig?.close();
});

const api = staffRequests(() => rig);

describe('a chat on the desk', () => {
  it('is offered as a chat, pushed live, and transferred to the English queue', async () => {
    const from = '+66812223333';
    const { conversation } = await userWrites(rig, {
      channel: 'whatsapp',
      from,
      text: 'ຊ່ວຍແດ່',
    });
    const offer = await lao.nextOffer();
    expect(offer).toMatchObject({ taskId: conversation.id, channel: 'chat', language: 'lo' });
    expect(await lao.socket.emitWithAck('call:accept', { offerId: offer.offerId })).toEqual({
      data: { taskId: conversation.id },
    });
    await eventually(async () => {
      const mine = await api(laoCookie, 'GET', '/api/staff/chats/mine');
      return mine.json().chats.some((c: { id: string }) => c.id === conversation.id);
    });

    // The visitor writes again: it reaches her desk without her asking.
    await rig.sim.chat.userWrites({ hotline: '1362', channel: 'whatsapp', from, text: 'ຢູ່ໃສ?' });
    await eventually(() => pushed.some((p) => p.message.text === 'ຢູ່ໃສ?'));
    expect(pushed.find((p) => p.message.text === 'ຢູ່ໃສ?')).toMatchObject({
      conversationId: conversation.id,
      message: { direction: 'inbound' },
    });
    const reply = await api(laoCookie, 'POST', `/api/staff/chats/${conversation.id}/messages`, {
      text: 'ພວກເຮົາຢູ່ນີ້',
    });
    expect(reply.statusCode).toBe(201);
    await eventually(() => pushed.some((p) => p.message.text === 'ພວກເຮົາຢູ່ນີ້'));
    expect(pushed.find((p) => p.message.text === 'ພວກເຮົາຢູ່ນີ້')?.message).toMatchObject({
      direction: 'outbound',
      author: laoId,
    });

    // Someone else's chat cannot be handed on; an unknown queue is refused, not half done.
    const notHers = await api(
      englishCookie,
      'POST',
      `/api/staff/chats/${conversation.id}/transfer`,
      {
        to: { kind: 'queue' },
      },
    );
    expect(notHers.json()).toMatchObject({ error: { code: 'CHAT_NOT_HELD' } });
    const nowhere = await api(laoCookie, 'POST', `/api/staff/chats/${conversation.id}/transfer`, {
      to: { kind: 'hotline', hotline: '1362', language: 'th' },
    });
    expect(nowhere.statusCode).toBe(400);

    const moved = await api(laoCookie, 'POST', `/api/staff/chats/${conversation.id}/transfer`, {
      to: { kind: 'hotline', hotline: '1362', language: 'en' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().conversation).toMatchObject({ state: 'waiting', assignedTo: null });
    const second = await english.nextOffer();
    expect(second).toMatchObject({ taskId: conversation.id, channel: 'chat', language: 'en' });
    await english.socket.emitWithAck('call:accept', { offerId: second.offerId });
    await eventually(async () => {
      const row = await rig.app.chat.repository.conversation(conversation.id);
      return row?.state === 'active' && row.assignedTo !== laoId && row.assignedTo !== null;
    });

    // The transcript followed; the first counsellor no longer holds the chat.
    const read = await api(englishCookie, 'GET', `/api/staff/chats/${conversation.id}`);
    expect(read.json().messages.map((m: { text: string }) => m.text)).toEqual([
      'ຊ່ວຍແດ່',
      'ຢູ່ໃສ?',
      'ພວກເຮົາຢູ່ນີ້',
    ]);
    const laoMine = await api(laoCookie, 'GET', '/api/staff/chats/mine');
    expect(laoMine.json().chats).toEqual([]);
    const late = await api(laoCookie, 'POST', `/api/staff/chats/${conversation.id}/transfer`, {
      to: { kind: 'queue' },
    });
    expect(late.statusCode).toBe(409);

    const answer = await api(
      englishCookie,
      'POST',
      `/api/staff/chats/${conversation.id}/messages`,
      {
        text: 'How can I help?',
      },
    );
    expect(answer.statusCode).toBe(201);
    expect(rig.sim.chat.inbox('whatsapp', from).map((m) => m.body)).toEqual([
      'ພວກເຮົາຢູ່ນີ້',
      'How can I help?',
    ]);
    const audited = await rig.stores.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'chat.transferred'), eq(auditLog.entityId, conversation.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      actorId: laoId,
      data: { from: { hotline: '1362', language: 'lo' }, to: { hotline: '1362', language: 'en' } },
    });
  });
});
