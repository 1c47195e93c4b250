import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routingKeyspace } from '../../../src/modules/routing/routing.keys';
import { auditLog } from '../../../db/schema/index';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { seedChatHotline, userWrites, staffRequests } from '../../fixtures/chat.fixture';
import {
  eventually,
  heard,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';

// Capacity per channel decides what one counsellor is offered when chats and calls arrive
// together: by default up to three chats, and no call while she holds a chat; an administrator
// or her supervisor may change it for her (audited), and dispatch follows.
let rig: TTelephonyRig;
const open: TCounsellorClient[] = [];

beforeAll(async () => {
  rig = await startTelephonyRig({
    overrides: { ROUTING_OFFER_TIMEOUT_MS: '30000', ROUTING_WRAP_UP_MS: '0' },
    seed: ({ database }) => seedChatHotline(database.db),
  });
});
afterAll(async () => {
  for (const c of open) c.close();
  await rig?.close();
});

const queue = () => waitingQueue(rig.stores.redis, rig.stores.config.REDIS_PREFIX);
const callerState = (id: string) =>
  rig.stores.redis.hget(`${routingKeyspace(rig.stores.config.REDIS_PREFIX)}:caller:${id}`, 'state');

const api = staffRequests(() => rig);

/** A Lao-speaking counsellor on 1362, signed in over a real socket and available. */
async function counsellor() {
  const staff = await createStaff(rig.stores, { role: 'counsellor', languages: ['lo'] });
  const cookie = await loginAs(rig.app, staff);
  const client = await connectCounsellor({ url: rig.baseUrl, cookie, origin: rig.baseUrl });
  open.push(client);
  await client.socket.emitWithAck('presence:set', { state: 'available' });
  return { staff, cookie, client };
}

/** She takes the next offer, which must be this chat; the conversation becomes hers. */
async function acceptChat(c: Awaited<ReturnType<typeof counsellor>>, conversationId: string) {
  const offer = await c.client.nextOffer();
  expect(offer.taskId).toBe(conversationId);
  expect(
    await c.client.socket.emitWithAck('call:accept', { offerId: offer.offerId }),
  ).not.toHaveProperty('error');
  await eventually(async () => {
    const row = await rig.app.chat.repository.conversation(conversationId);
    return row?.state === 'active' && row.assignedTo === c.staff.id;
  });
}

const endChat = async (cookie: string, id: string) =>
  expect((await api(cookie, 'POST', `/api/staff/chats/${id}/end`)).statusCode).toBe(204);

/** A Lao caller in line for 1362 (language 1 in the menu). */
async function callerWaits() {
  const call = rig.sim.placeCall({ hotline: '1362', from: '+8562055500001', digits: ['1'] });
  await eventually(() => heard(call, 'enqueue').length > 0);
  await eventually(async () => (await queue().position(call.sid, '1362')) !== null);
  return call;
}

describe('one counsellor, chats and a call at once', () => {
  it('a Messenger chat and a call arrive together: she takes chats while the call waits, then the call comes to her when her chats end', async () => {
    const lao = await counsellor();
    const first = await userWrites(rig, {
      channel: 'messenger',
      from: '1000000001',
      text: 'ຊ່ວຍແດ່',
    });
    const call = await callerWaits();
    await acceptChat(lao, first.conversation.id);

    // The call came first in line, yet she holds a chat: the next chat is offered, not the call.
    const second = await userWrites(rig, { channel: 'whatsapp', from: '+66810000002', text: 'hi' });
    await acceptChat(lao, second.conversation.id);
    expect(await callerState(call.sid)).toBe('waiting');
    expect(lao.client.offers.map((o) => o.taskId)).not.toContain(call.sid);

    await endChat(lao.cookie, first.conversation.id);
    expect(await callerState(call.sid)).toBe('waiting');
    await endChat(lao.cookie, second.conversation.id);
    const offer = await lao.client.nextOffer();
    expect(offer.taskId).toBe(call.sid);
    expect(offer.language).toBe('lo');

    await lao.client.socket.emitWithAck('call:reject', { offerId: offer.offerId });
    rig.sim.engine.hangup(call);
    await eventually(async () => (await queue().position(call.sid, '1362')) === null);
    await lao.client.socket.emitWithAck('presence:set', { state: 'offline' });
  });

  it('a counsellor holding three chats is not offered a fourth until one of them ends', async () => {
    const lao = await counsellor();
    const chats = [];
    for (let i = 0; i < 3; i++) {
      const chat = await userWrites(rig, {
        channel: 'whatsapp',
        from: `+6681100000${i}`,
        text: `chat ${i}`,
      });
      await acceptChat(lao, chat.conversation.id);
      chats.push(chat.conversation.id);
    }
    const fourth = await userWrites(rig, { channel: 'sms', from: '+66811000009', text: 'four' });
    await eventually(async () => (await queue().position(fourth.conversation.id, '1362')) !== null);
    expect(await callerState(fourth.conversation.id)).toBe('waiting');
    expect(lao.client.offers).toHaveLength(3);

    // Her supervisor's figures show the chats beside the calls: one waiting, three active.
    const supervisor = await loginAs(
      rig.app,
      await createStaff(rig.stores, { role: 'supervisor' }),
    );
    const figures = await api(supervisor, 'GET', '/api/staff/routing/figures');
    expect(figures.statusCode).toBe(200);
    const chatFigures = figures.json().chats.find((c: { hotline: string }) => c.hotline === '1362');
    expect(chatFigures).toMatchObject({ waiting: 1, active: 3 });
    expect(chatFigures.oldestWaitingSince).not.toBeNull();

    await endChat(lao.cookie, chats[0] as string);
    await acceptChat(lao, fourth.conversation.id);
    expect(lao.client.offers).toHaveLength(4);
    for (const id of [...chats.slice(1), fourth.conversation.id]) await endChat(lao.cookie, id);
    await lao.client.socket.emitWithAck('presence:set', { state: 'offline' });
  });

  it('her supervisor lets her take a call beside one chat: the setting is checked, audited, and dispatch follows it', async () => {
    const lao = await counsellor();
    const supervisor = await createStaff(rig.stores, { role: 'supervisor' });
    const elsewhere = await createStaff(rig.stores, { role: 'supervisor', hotlines: ['1554'] });
    const supervisorCookie = await loginAs(rig.app, supervisor);
    const url = `/api/staff/users/${lao.staff.id}/capacity`;
    const setting = { voiceCapacity: 1, chatCapacity: 1, callsWhileChatting: true };

    const bad = await api(supervisorCookie, 'PUT', url, { ...setting, chatCapacity: 50 });
    expect(bad.statusCode).toBe(400);
    const outside = await api(await loginAs(rig.app, elsewhere), 'PUT', url, setting);
    expect(outside.statusCode).toBe(404);
    const counsellorSelf = await api(lao.cookie, 'PUT', url, setting);
    expect(counsellorSelf.statusCode).toBe(403);
    const saved = await api(supervisorCookie, 'PUT', url, setting);
    expect(saved.statusCode).toBe(200);
    const [audit] = await rig.stores.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'user.capacity_changed'), eq(auditLog.entityId, lao.staff.id)),
      );
    expect(audit?.actorId).toBe(supervisor.id);
    const listed = await api(supervisorCookie, 'GET', '/api/staff/users');
    expect(listed.json().find((u: { id: string }) => u.id === lao.staff.id)).toMatchObject(setting);

    // Her setting is read when she sets her presence.
    await lao.client.socket.emitWithAck('presence:set', { state: 'available' });
    const chat = await userWrites(rig, { channel: 'messenger', from: '1000000077', text: 'hello' });
    await acceptChat(lao, chat.conversation.id);
    const another = await userWrites(rig, {
      channel: 'messenger',
      from: '1000000078',
      text: 'me too',
    });
    const call = await callerWaits();
    const offer = await lao.client.nextOffer();
    expect(offer.taskId).toBe(call.sid);
    // One chat is all she takes: the second chat waits for someone else.
    expect(await callerState(another.conversation.id)).toBe('waiting');

    await lao.client.socket.emitWithAck('call:reject', { offerId: offer.offerId });
    rig.sim.engine.hangup(call);
    await endChat(lao.cookie, chat.conversation.id);
    await lao.client.socket.emitWithAck('presence:set', { state: 'offline' });
  });

  it('a changed capacity applies at once: raised from one chat to three, she is offered the waiting chat without changing her presence', async () => {
    const lao = await counsellor();
    const supervisorCookie = await loginAs(
      rig.app,
      await createStaff(rig.stores, { role: 'supervisor' }),
    );
    const url = `/api/staff/users/${lao.staff.id}/capacity`;
    const capacity = (chatCapacity: number) =>
      api(supervisorCookie, 'PUT', url, {
        voiceCapacity: 1,
        chatCapacity,
        callsWhileChatting: false,
      });

    // Lowered to one chat while she is available: the second chat waits for someone else.
    expect((await capacity(1)).statusCode).toBe(200);
    const first = await userWrites(rig, { channel: 'whatsapp', from: '+66812000001', text: 'a' });
    await acceptChat(lao, first.conversation.id);
    const second = await userWrites(rig, { channel: 'whatsapp', from: '+66812000002', text: 'b' });
    await eventually(async () => (await queue().position(second.conversation.id, '1362')) !== null);
    expect(await callerState(second.conversation.id)).toBe('waiting');
    expect(lao.client.offers).toHaveLength(1);

    // Raised to three: the waiting chat is offered to her now; she never touched her presence.
    expect((await capacity(3)).statusCode).toBe(200);
    await acceptChat(lao, second.conversation.id);
    const me = await lao.client.socket.emitWithAck('state:sync', {});
    expect(me).toHaveProperty('data.me.state', 'available');
    expect(me).toHaveProperty('data.me.chats', 2);

    for (const id of [first.conversation.id, second.conversation.id]) await endChat(lao.cookie, id);
    await lao.client.socket.emitWithAck('presence:set', { state: 'offline' });
  });
});
