import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webchatBlocks, webchatOrigins } from '../../../db/schema/webchat';
import {
  WEBCHAT_ATTACHMENT_PART_BYTES,
  WEBCHAT_NAMESPACE,
} from '../../../src/contracts/webchat-constants';
import type {
  TWebchatAck,
  TWebchatClientToServer,
  TWebchatServerToClient,
} from '../../../src/contracts/webchat';
import { keyringOf } from '../../../src/modules/crypto/keyring';
import { visitorHash } from '../../../src/modules/webchat/visitor-address';
import { ORIGIN, eventually, routingHarness } from '../../fixtures/routing-harness';
import { createHotline } from '../../fixtures/telephony.fixture';

// A web chat visitor attaches a photo: it goes over the widget's socket in parts to one API
// node, is kept by the chat module like a WhatsApp photo (encrypted, SHA-256 recorded) and is
// listed on the desk with its name, type and size, downloadable byte for byte. A file too large,
// of another type, or whose bytes are not what it claims is refused with a code the widget
// explains; so is a visitor over the file budget or blocked meanwhile.
const PARTNER = 'https://partner.test';
type TVisitor = Socket<TWebchatServerToClient, TWebchatClientToServer>;
type TAttachAck = TWebchatAck<{ id: string; done: boolean; at: string | null }>;

let h: Awaited<ReturnType<typeof routingHarness>>;
let cookie: string;
let address = 0;

beforeAll(async () => {
  h = await routingHarness({
    nodes: 2,
    env: {
      TRUSTED_PROXIES: 'loopback',
      CHAT_ATTACHMENT_MAX_BYTES: '1000000',
      WEBCHAT_ATTACHMENTS_PER_HOUR: '2',
    },
  });
  const { db } = h.stores.database;
  await createHotline(db);
  await db.insert(webchatOrigins).values({ hotline: '1362', origin: PARTNER });
  ({ cookie } = await h.counsellor({}));
});
afterAll(() => h.close());

async function startChat(node: number) {
  const from = `198.51.100.${++address}`;
  const socket = connect(`${h.urlOf(node)}${WEBCHAT_NAMESPACE}`, {
    transports: ['websocket'],
    extraHeaders: { origin: PARTNER, 'x-forwarded-for': from },
    auth: { hotline: '1362' },
    reconnection: false,
    forceNew: true,
  }) as TVisitor;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const res = await socket.emitWithAck('webchat:start', {
    language: 'lo',
    name: null,
    safeToTalk: true,
  });
  expect(res).toHaveProperty('data');
  return { socket, from };
}

/** Sends a file in parts as the widget does; the answer to the last part (or the first refusal). */
async function attach(
  socket: TVisitor,
  file: { name: string; type: string; bytes: Buffer; size?: number },
): Promise<TAttachAck> {
  const id = randomUUID();
  const size = file.size ?? file.bytes.length;
  const parts = Math.max(1, Math.ceil(size / WEBCHAT_ATTACHMENT_PART_BYTES));
  let last: TAttachAck = { error: 'UNAVAILABLE' };
  for (let part = 0; part < parts; part++) {
    const bytes = file.bytes.subarray(
      part * WEBCHAT_ATTACHMENT_PART_BYTES,
      (part + 1) * WEBCHAT_ATTACHMENT_PART_BYTES,
    );
    const payload = { id, name: file.name, type: file.type, size, part, parts, bytes };
    last = (await socket.emitWithAck(
      'webchat:attach',
      payload as Parameters<TWebchatClientToServer['webchat:attach']>[0],
    )) as TAttachAck;
    if ('error' in last) return last;
  }
  return last;
}

const png = (size: number) =>
  Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(size - 8)]);

const staffGet = (url: string) =>
  (h.nodes[1] as FastifyInstance).inject({
    method: 'GET',
    url,
    headers: { cookie, origin: ORIGIN },
  });

describe('a web chat visitor attaches a file', () => {
  it('reaches the desk kept encrypted with its SHA-256, byte for byte', async () => {
    const { socket } = await startChat(0);
    const photo = png(600_000);
    const sent = await attach(socket, { name: 'passport.png', type: 'image/png', bytes: photo });
    expect(sent).toMatchObject({ data: { done: true } });

    const app = h.nodes[0] as FastifyInstance;
    // `eventually` retries until the check stops throwing.
    const conversationId = await eventually(async () => {
      const [row] = await app.chat.repository.waiting(['1362']);
      if (!row) throw new Error('not stored yet');
      return row.id;
    });
    const listed = await eventually(async () => {
      const res = await staffGet(`/api/staff/chats/${conversationId}/attachments`);
      const [first] = res.json().attachments;
      expect(first).toMatchObject({ state: 'stored' });
      return first as { id: string };
    });
    expect(listed).toMatchObject({
      filename: 'passport.png',
      contentType: 'image/png',
      sizeBytes: photo.length,
      sha256: createHash('sha256').update(photo).digest('hex'),
      failure: null,
    });
    const download = await staffGet(
      `/api/staff/chats/${conversationId}/attachments/${listed.id}/download`,
    );
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, photo)).toBe(0);
    socket.disconnect();
  });

  it('refuses a file too large, of another type, or not what it claims, each with its code', async () => {
    const { socket } = await startChat(1);
    const big = await attach(socket, {
      name: 'big.png',
      type: 'image/png',
      bytes: png(1_200_000),
    });
    expect(big).toEqual({ error: 'WEBCHAT_ATTACHMENT_TOO_LARGE' });
    const program = await attach(socket, {
      name: 'photo.png',
      type: 'image/png',
      bytes: Buffer.concat([Buffer.from('MZ'), randomBytes(2000)]),
    });
    expect(program).toEqual({ error: 'WEBCHAT_ATTACHMENT_TYPE' });
    const exe = await attach(socket, {
      name: 'setup.exe',
      type: 'application/x-msdownload',
      bytes: randomBytes(100),
    });
    expect(exe).toEqual({ error: 'VALIDATION_FAILED' });
    socket.disconnect();
  });

  it('refuses files over the hourly budget, and from a visitor blocked meanwhile', async () => {
    const { socket, from } = await startChat(0);
    const first = await attach(socket, { name: 'a.png', type: 'image/png', bytes: png(1000) });
    expect(first).toMatchObject({ data: { done: true } });
    const second = await attach(socket, { name: 'b.png', type: 'image/png', bytes: png(1000) });
    expect(second).toMatchObject({ data: { done: true } });
    const third = await attach(socket, { name: 'c.png', type: 'image/png', bytes: png(1000) });
    expect(third).toEqual({ error: 'RATE_LIMITED' });

    const other = await startChat(1);
    await h.stores.database.db.insert(webchatBlocks).values({
      visitorHash: visitorHash(keyringOf(h.stores.config), other.from),
      hotline: '1362',
      reason: 'abusive',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const blocked = await attach(other.socket, {
      name: 'd.png',
      type: 'image/png',
      bytes: png(1000),
    });
    expect(blocked).toEqual({ error: 'WEBCHAT_BLOCKED' });
    expect(from).not.toBe(other.from);
    socket.disconnect();
    other.socket.disconnect();
  });
});
