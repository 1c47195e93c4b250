import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/index';
import type { TChatAttachment } from '../../../src/contracts/chat';
import { seedChatHotline } from '../../fixtures/chat.fixture';
import {
  eventually,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import { conversationRow } from '../../fixtures/chat.fixture';

// Files a contact sends over WhatsApp come through the simulator's Media Content Service: kept
// encrypted with their SHA-256, listed, and downloaded only when a counsellor asks.
let rig: TTelephonyRig;
let cookie: string;
let counsellorId: string;
let otherCookie: string;

// A tiny PNG: the bytes a user sends and the counsellor must get back unchanged.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  rig = await startTelephonyRig({
    seed: async ({ database }) => {
      await seedChatHotline(database.db);
      await createHotline(database.db, { number: '1300', phoneNumber: '+85621130000' });
    },
  });
  const counsellor = await createStaff(rig.stores, { role: 'counsellor', languages: ['lo'] });
  counsellorId = counsellor.id;
  cookie = await loginAs(rig.app, counsellor);
  const other = await createStaff(rig.stores, { role: 'counsellor', hotlines: ['1300'] });
  otherCookie = await loginAs(rig.app, other);
});
afterAll(async () => rig?.close());

const get = (url: string, as = cookie) =>
  rig.app.inject({ method: 'GET', url, headers: { cookie: as, origin: rig.baseUrl } });

type TMedia = {
  contentType: string;
  filename: string;
  size: number;
  contentBase64?: string;
  unavailable?: boolean;
};

/** A WhatsApp user sends files; resolves once each has been kept, refused or given up. */
async function userSends(from: string, media: TMedia[]) {
  const sent = await rig.sim.chat.userWrites({
    hotline: '1362',
    channel: 'whatsapp',
    from,
    text: 'ເບິ່ງຮູບນີ້',
    media,
  });
  const conversation = await eventually(() =>
    conversationRow(rig.stores.database.db, sent.conversationSid),
  );
  const attachments = await eventually(async () => {
    const res = await get(`/api/staff/chats/${conversation.id}/attachments`);
    const list = res.json().attachments as TChatAttachment[];
    return list.length === media.length && list.every((a) => a.state !== 'pending') ? list : null;
  });
  return { conversation, attachments };
}

describe('chat attachments', () => {
  it('keeps an image encrypted with its SHA-256 and hands it over only as a download', async () => {
    const { conversation, attachments } = await userSends('+66810000101', [
      {
        contentType: 'image/png',
        filename: 'ໜັງສືຜ່ານແດນ.png',
        size: png.length,
        contentBase64: png.toString('base64'),
      },
    ]);
    const sha256 = createHash('sha256').update(png).digest('hex');
    expect(attachments).toEqual([
      expect.objectContaining({
        filename: 'ໜັງສືຜ່ານແດນ.png',
        contentType: 'image/png',
        sizeBytes: png.length,
        sha256,
        state: 'stored',
        failure: null,
      }),
    ]);
    // At rest: neither the bytes nor the file name in clear.
    const raw = JSON.stringify(
      await rig.stores.database.db.execute(
        sql`select * from chat_attachments where conversation_id = ${conversation.id}`,
      ),
    );
    expect(raw).not.toContain(png.toString('base64').slice(0, 40));
    expect(raw).not.toContain('ໜັງສືຜ່ານແດນ');

    const downloads = () =>
      rig.stores.database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'chat.attachment_downloaded'),
            eq(auditLog.entityId, attachments[0]?.id ?? ''),
          ),
        );
    // Listing is not downloading.
    expect(await downloads()).toHaveLength(0);
    const res = await get(
      `/api/staff/chats/${conversation.id}/attachments/${attachments[0]?.id}/download`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('ໜັງສືຜ່ານແດນ.png'));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(png)).toBe(true);
    const audited = await downloads();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actorId: counsellorId, data: { sha256 } });
  });

  it('keeps a 4 MB voice note byte for byte', async () => {
    const voice = Buffer.alloc(4_000_000);
    for (let i = 0; i < voice.length; i++) voice[i] = (i * 31 + 7) % 251;
    const { conversation, attachments } = await userSends('+66810000106', [
      {
        contentType: 'audio/ogg; codecs=opus',
        filename: 'voice-note.ogg',
        size: voice.length,
        contentBase64: voice.toString('base64'),
      },
    ]);
    expect(attachments[0]).toMatchObject({
      state: 'stored',
      contentType: 'audio/ogg',
      sizeBytes: voice.length,
      sha256: createHash('sha256').update(voice).digest('hex'),
    });
    const res = await get(
      `/api/staff/chats/${conversation.id}/attachments/${attachments[0]?.id}/download`,
    );
    expect(res.rawPayload.equals(voice)).toBe(true);
  });

  it('refuses a file too large or of a type not allowed, and says so instead of dropping it', async () => {
    const { conversation, attachments } = await userSends('+66810000102', [
      { contentType: 'video/mp4', filename: 'clip.mp4', size: 2000 },
      { contentType: 'audio/ogg', filename: 'voice.ogg', size: 6_000_000 },
      { contentType: 'audio/ogg; codecs=opus', filename: 'short.ogg', size: 3000 },
    ]);
    expect(attachments.map((a) => [a.filename, a.state, a.failure])).toEqual([
      ['clip.mp4', 'refused', 'type_not_allowed'],
      ['voice.ogg', 'refused', 'too_large'],
      ['short.ogg', 'stored', null],
    ]);
    const refused = await get(
      `/api/staff/chats/${conversation.id}/attachments/${attachments[0]?.id}/download`,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'CHAT_ATTACHMENT_NOT_STORED' } });
  });

  it('records a file Twilio no longer has as not fetched', async () => {
    const { attachments } = await userSends('+66810000103', [
      { contentType: 'image/jpeg', filename: 'lost.jpg', size: 500, unavailable: true },
    ]);
    expect(attachments).toEqual([
      expect.objectContaining({ filename: 'lost.jpg', state: 'failed', failure: 'fetch_failed' }),
    ]);
  });

  it("another hotline's counsellor can neither list nor download the files", async () => {
    const { conversation, attachments } = await userSends('+66810000104', [
      { contentType: 'image/png', filename: 'a.png', size: 100 },
    ]);
    const list = await get(`/api/staff/chats/${conversation.id}/attachments`, otherCookie);
    const file = await get(
      `/api/staff/chats/${conversation.id}/attachments/${attachments[0]?.id}/download`,
      otherCookie,
    );
    expect(list.statusCode).toBe(404);
    expect(file.statusCode).toBe(404);
  });

  it("the simulator's media answers only with credentials, and its temporary link only signed", async () => {
    const sent = await rig.sim.chat.userWrites({
      hotline: '1362',
      channel: 'whatsapp',
      from: '+66810000105',
      text: '',
      media: [{ contentType: 'image/png', filename: 'b.png', size: 64 }],
    });
    const conversation = rig.sim.chat.conversations.get(sent.conversationSid);
    const media = conversation?.messages.at(-1)?.media[0];
    const path = `/v1/Services/${conversation?.serviceSid}/Media/${media?.sid}`;
    const anonymous = await rig.sim.app.inject({ method: 'GET', url: path });
    expect(anonymous.statusCode).toBe(401);
    const { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token } = rig.stores.config;
    const resource = await rig.sim.app.inject({
      method: 'GET',
      url: path,
      headers: { authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}` },
    });
    expect(resource.json()).toMatchObject({ sid: media?.sid, content_type: 'image/png', size: 64 });
    const link = new URL(resource.json().links.content_direct_temporary as string);
    const ok = await rig.sim.app.inject({ method: 'GET', url: link.pathname + link.search });
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload).toHaveLength(64);
    link.searchParams.set('Signature', 'forged');
    const forged = await rig.sim.app.inject({ method: 'GET', url: link.pathname + link.search });
    expect(forged.statusCode).toBe(403);
  });
});
