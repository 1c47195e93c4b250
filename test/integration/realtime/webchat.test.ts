import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { TChatMessageNotice } from '../../../src/contracts/chat';
import { chatConversations, chatMessages } from '../../../db/schema/chat';
import {
  WEBCHAT_NAMESPACE,
  type TWebchatClientToServer,
  type TWebchatMessage,
  type TWebchatServerToClient,
} from '../../../src/contracts/webchat';
import { webchatOrigins } from '../../../db/schema/webchat';
import { ORIGIN, eventually, routingHarness } from '../../fixtures/routing-harness';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';

const PARTNER = 'https://partner.test';
const OTHER_HOTLINES_PARTNER = 'https://youth-partner.test';

type TVisitor = Socket<TWebchatServerToClient, TWebchatClientToServer>;

let h: Awaited<ReturnType<typeof routingHarness>>;
/** What the chat module stored and announced, on whichever node the visitor wrote. */
const received: TChatMessageNotice[] = [];
let address = 0;

beforeAll(async () => {
  h = await routingHarness({
    nodes: 2,
    env: {
      // Each test is its own visitor address (X-Forwarded-For through the loopback proxy).
      TRUSTED_PROXIES: 'loopback',
      WEBCHAT_CONNECTIONS_PER_MINUTE: '4',
      WEBCHAT_CONNECTION_MESSAGES_PER_MINUTE: '3',
      WEBCHAT_MESSAGES_PER_MINUTE: '5',
    },
  });
  const { db } = h.stores.database;
  await createHotline(db);
  await createHotline(db, { number: '1554', nameLo: 'ສາຍດ່ວນ 1554', phoneNumber: '+85621155400' });
  await db.insert(webchatOrigins).values([
    { hotline: '1362', origin: PARTNER },
    { hotline: '1554', origin: OTHER_HOTLINES_PARTNER },
  ]);
  for (const node of h.nodes)
    node.chat.notices.onMessage((notice) => {
      if (notice.message.direction === 'inbound') received.push(notice);
    });
});
afterAll(() => h.close());

async function idOf(ref: string): Promise<string> {
  const row = await (h.nodes[0] as FastifyInstance).chat.repository.conversationByRef('web', ref);
  return row?.id ?? '';
}

/** The chat module's record of a web conversation: state, end reason, messages kept. */
async function conversation(ref: string) {
  const { db } = h.stores.database;
  const [row] = await db
    .select()
    .from(chatConversations)
    .where(and(eq(chatConversations.provider, 'web'), eq(chatConversations.providerRef, ref)));
  const kept = row
    ? await db.select().from(chatMessages).where(eq(chatMessages.conversationId, row.id))
    : [];
  return { state: row?.state, endReason: row?.endReason, messages: kept.length };
}

function visitor(
  o: { node?: number; origin?: string; hotline?: string; from?: string; auth?: object } = {},
): TVisitor {
  return connect(`${h.urlOf(o.node ?? 0)}${WEBCHAT_NAMESPACE}`, {
    transports: ['websocket'],
    extraHeaders: { origin: o.origin ?? PARTNER, 'x-forwarded-for': o.from ?? newAddress() },
    auth: { hotline: o.hotline ?? '1362', ...o.auth },
    reconnection: false,
    forceNew: true,
  }) as TVisitor;
}

const newAddress = () => `203.0.113.${++address}`;

function outcome(socket: TVisitor): Promise<string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });
}

async function startChat(o: { node?: number; from?: string } = {}) {
  const socket = visitor(o);
  expect(await outcome(socket)).toBe('connected');
  const res = await socket.emitWithAck('webchat:start', {
    language: 'lo',
    name: 'ນ້ອຍ',
    safeToTalk: true,
  });
  if (!('data' in res)) throw new Error(res.error);
  // The conversation's ref, as the chat module sees it on the first message.
  const before = received.length;
  await socket.emitWithAck('webchat:send', { id: randomUUID(), text: 'ສະບາຍດີ' });
  await eventually(() => expect(received.length).toBeGreaterThan(before));
  const ref = (received[before] as TChatMessageNotice).conversationRef.ref;
  return { socket, token: res.data.token, ref };
}

describe('web chat namespace', () => {
  it('refuses pages that are not the hotline partner sites, and keeps partner sites out of the staff namespace', async () => {
    expect(await outcome(visitor({ origin: 'https://evil.example' }))).not.toBe('connected');
    expect(await outcome(visitor({ origin: ORIGIN }))).toBe('WEBCHAT_ORIGIN_REFUSED');
    expect(await outcome(visitor({ origin: OTHER_HOTLINES_PARTNER }))).toBe(
      'WEBCHAT_ORIGIN_REFUSED',
    );
    expect(await outcome(visitor({ hotline: '1554', origin: OTHER_HOTLINES_PARTNER }))).toBe(
      'connected',
    );
    const { cookie } = await h.counsellor({});
    const staff = connect(h.urlOf(0), {
      transports: ['websocket'],
      extraHeaders: { origin: PARTNER, cookie },
      reconnection: false,
      forceNew: true,
    });
    expect(await outcome(staff as unknown as TVisitor)).toBe('FORBIDDEN');
    staff.disconnect();
  });

  it('answers the pre-chat with the hotline, Lao first, and the chat module keeps each message once', async () => {
    const socket = visitor();
    expect(await outcome(socket)).toBe('connected');
    const hotline = await socket.emitWithAck('webchat:hotline', {});
    expect(hotline).toMatchObject({ data: { number: '1362', languages: ['lo', 'en'] } });
    expect(await socket.emitWithAck('webchat:send', { id: randomUUID(), text: 'x' })).toEqual({
      error: 'WEBCHAT_NOT_STARTED',
    });
    const start = await socket.emitWithAck('webchat:start', {
      language: 'en',
      name: null,
      safeToTalk: false,
    });
    expect(start).toMatchObject({ data: { token: expect.stringMatching(/^[\w-]{43}$/) } });
    const before = received.length;
    const id = randomUUID();
    const ack = await socket.emitWithAck('webchat:send', { id, text: '  I need help  ' });
    expect(ack).toMatchObject({ data: { id, stopped: false } });
    // The same message again (its answer was lost, the page sends it once more): kept once.
    expect(await socket.emitWithAck('webchat:send', { id, text: 'I need help' })).toMatchObject({
      data: { id },
    });
    expect(await socket.emitWithAck('webchat:send', { id: 'nope', text: 'x' })).toEqual({
      error: 'VALIDATION_FAILED',
    });
    expect(received.slice(before)).toEqual([
      expect.objectContaining({
        channel: 'web',
        hotline: '1362',
        conversationRef: { provider: 'web', ref: expect.stringMatching(/^wv_/) },
        message: expect.objectContaining({ direction: 'inbound', text: 'I need help' }),
      }),
    ]);
    const ref = (received[before] as TChatMessageNotice).conversationRef.ref;
    expect(await conversation(ref)).toMatchObject({ messages: 1 });
    // The counsellor reads the pre-chat answers: no name given, not safe to talk now.
    const { cookie } = await h.counsellor({});
    const profile = await h.nodes[0]?.inject({
      url: `/api/staff/webchat/visitors/${ref}`,
      headers: { cookie, origin: ORIGIN },
    });
    expect(profile?.json()).toEqual({ name: null, safeToTalk: false, language: 'en' });
    const { db } = h.stores.database;
    const [row] = await db
      .select()
      .from(chatConversations)
      .where(eq(chatConversations.providerRef, ref));
    expect(row).toMatchObject({ channel: 'web', language: 'en', hotline: '1362' });
    socket.disconnect();
  });

  it('limits handshakes per address and messages per connection and per address', async () => {
    const from = newAddress();
    const results = [];
    for (let i = 0; i < 5; i++) {
      const s = visitor({ from });
      results.push(await outcome(s));
      s.disconnect();
    }
    expect(results).toEqual(['connected', 'connected', 'connected', 'connected', 'RATE_LIMITED']);

    const { socket } = await startChat();
    const before = received.length;
    const acks = [];
    for (let i = 0; i < 3; i++)
      acks.push(await socket.emitWithAck('webchat:send', { id: randomUUID(), text: `${i}` }));
    // startChat's first message used one of the connection's three.
    expect(acks.map((a) => ('error' in a ? a.error : 'ok'))).toEqual(['ok', 'ok', 'RATE_LIMITED']);
    await eventually(() => expect(received).toHaveLength(before + 2));
    socket.disconnect();
  });

  it("delivers a counsellor's reply from any node, and replays what a reconnecting page missed", async () => {
    const from = newAddress();
    const { socket, token, ref } = await startChat({ node: 1, from });
    const { staff } = await h.counsellor({});
    const conversationId = await idOf(ref);
    const got = new Promise<TWebchatMessage>((r) => socket.once('webchat:message', r));
    const outbox = (h.nodes[0] as FastifyInstance).chat.outbox;
    const by = { kind: 'staff', staffUserId: staff.id } as const;
    const text = 'ສະບາຍດີ, ຂ້ອຍແມ່ນຜູ້ໃຫ້ຄຳປຶກສາ';
    expect(await outbox.send({ conversationId, text, templateKey: null }, by)).toMatchObject({
      status: 'sent',
    });
    expect(await got).toMatchObject({ seq: 1, from: 'counsellor', text });
    socket.disconnect();
    await outbox.send({ conversationId, text: 'ທ່ານຍັງຢູ່ບໍ?', templateKey: null }, by);
    const back = visitor({ node: 0, from, auth: { token, after: 1 } });
    const replayed = new Promise<TWebchatMessage>((r) => back.once('webchat:message', r));
    expect(await outcome(back)).toBe('connected');
    expect(await replayed).toMatchObject({ seq: 2, text: 'ທ່ານຍັງຢູ່ບໍ?' });
    back.disconnect();
    const forged = visitor({ auth: { token: 'x'.repeat(43) } });
    expect(await outcome(forged)).toBe('WEBCHAT_SESSION_GONE');
  });

  it('the counsellor ends the chat: the page is told, its token opens nothing any more', async () => {
    const from = newAddress();
    const { socket, token, ref } = await startChat({ node: 1, from });
    const told = new Promise((r) => socket.once('webchat:ended', r));
    await (h.nodes[0] as FastifyInstance).chat.inbox.end({ provider: 'web', ref }, 'counsellor');
    expect(await told).toEqual({ reason: 'counsellor' });
    socket.disconnect();
    expect(await outcome(visitor({ from, auth: { token } }))).toBe('WEBCHAT_SESSION_GONE');
  });

  it('a stop word ends the chat: the page is told, nothing more goes in or out', async () => {
    const { socket, ref } = await startChat();
    const told = new Promise((r) => socket.once('webchat:ended', r));
    const ack = await socket.emitWithAck('webchat:send', { id: randomUUID(), text: 'ຢຸດ' });
    expect(ack).toMatchObject({ data: { stopped: true } });
    expect(await told).toEqual({ reason: 'counsellor' });
    expect(await socket.emitWithAck('webchat:send', { id: randomUUID(), text: 'x' })).toEqual({
      error: 'WEBCHAT_ENDED',
    });
    const { staff } = await h.counsellor({});
    const outbox = (h.nodes[0] as FastifyInstance).chat.outbox;
    expect(
      await outbox.send(
        { conversationId: await idOf(ref), text: 'hello?', templateKey: null },
        { kind: 'staff', staffUserId: staff.id },
      ),
    ).toMatchObject({ status: 'refused' });
    socket.disconnect();
  });

  it('a counsellor blocks an abusive visitor: told politely, disconnected, kept out; others still get in', async () => {
    const from = newAddress();
    const { socket, ref } = await startChat({ node: 1, from });
    const told = new Promise((r) => socket.once('webchat:ended', r));
    const closed = new Promise((r) => socket.once('disconnect', r));
    const { staff } = await h.counsellor({});
    const cookie = await loginAs(h.nodes[0] as never, staff);
    const res = await h.nodes[0]?.inject({
      method: 'POST',
      url: '/api/staff/webchat/blocks',
      headers: { cookie, origin: ORIGIN },
      // As the desk names it: the chat module's conversation id.
      payload: { conversationId: await idOf(ref), reason: 'abusive', hours: 24 },
    });
    expect(res?.statusCode).toBe(201);
    expect(await told).toEqual({ reason: 'blocked' });
    await closed;
    await eventually(async () =>
      expect(await conversation(ref)).toMatchObject({ state: 'ended', endReason: 'counsellor' }),
    );
    expect(await outcome(visitor({ from }))).toBe('WEBCHAT_BLOCKED');
    expect(await outcome(visitor())).toBe('connected');
    // Another hotline's counsellor cannot see (or block) this chat.
    const other = await h.counsellor({ hotlines: ['1554'] });
    const otherCookie = await loginAs(h.nodes[0] as never, other.staff);
    const { ref: ref2 } = await startChat();
    const mine = await h.nodes[0]?.inject({
      url: `/api/staff/webchat/visitors/${ref2}`,
      headers: { cookie, origin: ORIGIN },
    });
    expect(mine?.json()).toEqual({ name: 'ນ້ອຍ', safeToTalk: true, language: 'lo' });
    const theirs = await h.nodes[0]?.inject({
      url: `/api/staff/webchat/visitors/${ref2}`,
      headers: { cookie: otherCookie, origin: ORIGIN },
    });
    expect(theirs?.statusCode).toBe(404);
    const refused = await h.nodes[0]?.inject({
      method: 'POST',
      url: '/api/staff/webchat/blocks',
      headers: { cookie: otherCookie, origin: ORIGIN },
      payload: { conversationRef: ref2, reason: 'abusive' },
    });
    expect(refused?.statusCode).toBe(404);
  });

  it('an administrator sets the partner sites as data; a new one gets in, a plain-http one is refused', async () => {
    const admin = await createStaff(h.stores, { role: 'administrator', hotlines: [] });
    const cookie = await loginAs(h.nodes[0] as FastifyInstance, admin);
    const put = (origins: string[]) =>
      (h.nodes[0] as FastifyInstance).inject({
        method: 'PUT',
        url: '/api/staff/webchat/origins/1362',
        headers: { cookie, origin: ORIGIN },
        payload: { origins },
      });
    expect((await put(['http://plain.example'])).statusCode).toBe(400);
    expect(await outcome(visitor({ origin: 'https://new-partner.test' }))).not.toBe('connected');
    const res = await put([PARTNER, 'https://new-partner.test']);
    expect(res.json()).toEqual({ origins: ['https://new-partner.test', PARTNER] });
    expect(await outcome(visitor({ origin: 'https://new-partner.test' }))).toBe('connected');
  });

  it('ends the chat in the inbox when the visitor leaves, and the token opens nothing after', async () => {
    const from = newAddress();
    const { socket, token, ref } = await startChat({ from });
    const closed = new Promise((r) => socket.once('disconnect', r));
    expect(await socket.emitWithAck('webchat:leave', { reason: 'quick_exit' })).toEqual({
      data: null,
    });
    await closed;
    await eventually(async () =>
      expect(await conversation(ref)).toMatchObject({ state: 'ended', endReason: 'quick_exit' }),
    );
    expect(await outcome(visitor({ from, auth: { token } }))).toBe('WEBCHAT_SESSION_GONE');
  });
});
