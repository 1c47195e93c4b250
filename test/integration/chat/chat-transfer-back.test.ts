import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { seedChatHotline, userWrites, staffRequests } from '../../fixtures/chat.fixture';
import {
  eventually,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';

// A counsellor hands a chat back to the waiting queue: it leaves her desk and is offered to the
// next counsellor, not back to her, keeping its place. Her transfer menu lists only the language
// queues of hotlines she serves; any other hotline is refused, and only she may move her chat.
let rig: TTelephonyRig;
let noy: TCounsellorClient;
let bee: TCounsellorClient;
let noyCookie: string;
let beeCookie: string;
let noyId: string;
let beeId: string;

beforeAll(async () => {
  rig = await startTelephonyRig({
    overrides: { ROUTING_OFFER_TIMEOUT_MS: '60000', ROUTING_WRAP_UP_MS: '0' },
    seed: async ({ database }) => {
      await seedChatHotline(database.db);
      await createHotline(database.db, {
        number: '1554',
        nameLo: 'ສາຍດ່ວນແມ່ຍິງ',
        nameEn: 'Women hotline',
        phoneNumber: '+85621155400',
      });
      await createHotline(database.db, {
        number: '1512',
        nameLo: 'ສາຍດ່ວນເດັກ',
        nameEn: 'Child hotline',
        phoneNumber: '+85621151200',
        languages: ['lo'],
      });
    },
  });
  const noyStaff = await createStaff(rig.stores, {
    role: 'counsellor',
    languages: ['lo'],
    hotlines: ['1362', '1554'],
  });
  const beeStaff = await createStaff(rig.stores, { role: 'counsellor', languages: ['lo'] });
  noyId = noyStaff.id;
  beeId = beeStaff.id;
  noyCookie = await loginAs(rig.app, noyStaff);
  beeCookie = await loginAs(rig.app, beeStaff);
  const connect = (cookie: string) =>
    connectCounsellor({ url: rig.baseUrl, cookie, origin: rig.baseUrl });
  noy = await connect(noyCookie);
  bee = await connect(beeCookie);
});
afterAll(async () => {
  noy?.close();
  bee?.close();
  await rig?.close();
});

const api = staffRequests(() => rig);

describe('handing a chat back', () => {
  it('goes back to the queue and is offered to the next counsellor, not to her', async () => {
    // Noy is available first: the chat is hers. Bee comes later, so Noy has waited longest.
    await noy.socket.emitWithAck('presence:set', { state: 'available' });
    const { conversation } = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66815556666',
      text: 'ຂ້ອຍຕ້ອງການຄວາມຊ່ວຍເຫຼືອ',
    });
    const offer = await noy.nextOffer();
    expect(offer).toMatchObject({ taskId: conversation.id, channel: 'chat' });
    await noy.socket.emitWithAck('call:accept', { offerId: offer.offerId });
    const url = `/api/staff/chats/${conversation.id}`;
    await eventually(
      async () => (await api(noyCookie, 'GET', `${url}/transfer-targets`)).statusCode === 200,
    );
    await bee.socket.emitWithAck('presence:set', { state: 'available' });

    // Her menu: the other queues of the hotlines she serves, never one she does not.
    const menu = await api(noyCookie, 'GET', `${url}/transfer-targets`);
    expect(menu.json().targets).toEqual([
      { hotline: '1362', nameLo: 'ສາຍດ່ວນ 1362', nameEn: '1362 test hotline', language: 'en' },
      { hotline: '1554', nameLo: 'ສາຍດ່ວນແມ່ຍິງ', nameEn: 'Women hotline', language: 'lo' },
      { hotline: '1554', nameLo: 'ສາຍດ່ວນແມ່ຍິງ', nameEn: 'Women hotline', language: 'en' },
    ]);
    const elsewhere = await api(noyCookie, 'POST', `${url}/transfer`, {
      to: { kind: 'hotline', hotline: '1512', language: 'lo' },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json()).toMatchObject({
      error: { code: 'CHAT_TRANSFER_HOTLINE_NOT_SERVED' },
    });
    // Someone else cannot move it, nor read her menu.
    const notHers = await api(beeCookie, 'POST', `${url}/transfer`, { to: { kind: 'queue' } });
    expect(notHers.json()).toMatchObject({ error: { code: 'CHAT_NOT_HELD' } });
    expect((await api(beeCookie, 'GET', `${url}/transfer-targets`)).statusCode).toBe(409);
    // Nothing of that moved it: it is still hers.
    const stillMine = await api(noyCookie, 'GET', '/api/staff/chats/mine');
    expect(stillMine.json().chats.map((c: { id: string }) => c.id)).toEqual([conversation.id]);

    const back = await api(noyCookie, 'POST', `${url}/transfer`, { to: { kind: 'queue' } });
    expect(back.statusCode).toBe(200);
    expect(back.json().conversation).toMatchObject({
      state: 'waiting',
      assignedTo: null,
      hotline: '1362',
      language: 'lo',
    });
    const offersToNoy = noy.offers.length;
    const again = await bee.nextOffer(20_000);
    expect(again).toMatchObject({ taskId: conversation.id, channel: 'chat', language: 'lo' });
    expect(noy.offers).toHaveLength(offersToNoy);
    expect((await api(noyCookie, 'GET', '/api/staff/chats/mine')).json().chats).toEqual([]);

    await bee.socket.emitWithAck('call:accept', { offerId: again.offerId });
    await eventually(async () => {
      const row = await rig.app.chat.repository.conversation(conversation.id);
      return row?.state === 'active' && row.assignedTo === beeId;
    });
    const read = await api(beeCookie, 'GET', url);
    expect(read.json().messages.map((m: { text: string }) => m.text)).toEqual([
      'ຂ້ອຍຕ້ອງການຄວາມຊ່ວຍເຫຼືອ',
    ]);
    // Bee serves 1362 only: Noy's other hotline is not hers to send to.
    const beeMenu = await api(beeCookie, 'GET', `${url}/transfer-targets`);
    expect(beeMenu.json().targets.map((t: { hotline: string }) => t.hotline)).toEqual(['1362']);
    const beeElsewhere = await api(beeCookie, 'POST', `${url}/transfer`, {
      to: { kind: 'hotline', hotline: '1554', language: 'lo' },
    });
    expect(beeElsewhere.json()).toMatchObject({
      error: { code: 'CHAT_TRANSFER_HOTLINE_NOT_SERVED' },
    });
    expect(noyId).not.toBe(beeId);
  }, 60_000);
});
