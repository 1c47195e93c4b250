import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { seedChatHotline, userWrites, staffRequests } from '../../fixtures/chat.fixture';
import {
  eventually,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';

// A message whose store misses CHAT_STORE_TIMEOUT_MS is journaled (the webhook answers in time),
// but the slow store itself may still land a moment later. That late store is the message kept:
// the counsellor holding the chat must then hear of it. Before, the journal's copy was found to
// be a duplicate and skipped, and the desk never saw the message at all.
const STORE_TIMEOUT_MS = 300;
let rig: TTelephonyRig;
let lao: TCounsellorClient;
let cookie: string;

beforeAll(async () => {
  rig = await startTelephonyRig({
    overrides: {
      ROUTING_OFFER_TIMEOUT_MS: '20000',
      ROUTING_WRAP_UP_MS: '0',
      CHAT_STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS),
    },
    seed: ({ database }) => seedChatHotline(database.db),
  });
  const staff = await createStaff(rig.stores, { role: 'counsellor', languages: ['lo'] });
  cookie = await loginAs(rig.app, staff);
  lao = await connectCounsellor({ url: rig.baseUrl, cookie, origin: rig.baseUrl });
  await lao.socket.emitWithAck('presence:set', { state: 'available' });
});
afterAll(async () => {
  lao?.close();
  await rig?.close();
});

describe('a chat message stored after its time limit', () => {
  it('still reaches the counsellor who holds the chat, once', async () => {
    const { conversation } = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66812229999',
      text: 'ສະບາຍດີ',
    });
    const offer = await lao.nextOffer();
    await lao.socket.emitWithAck('call:accept', { offerId: offer.offerId });
    await eventually(async () => {
      const row = await rig.app.chat.repository.conversation(conversation.id);
      return row?.state === 'active';
    });
    const pushed: string[] = [];
    lao.socket.on('chat:message', (m) => pushed.push(m.message.text));

    // Postgres is slow: the message table is locked longer than the store may take.
    const late = 'ເຂົາເຈົ້າມາແລ້ວ';
    await rig.stores.database.sql.begin(async (tx) => {
      await tx`lock table chat_messages in share mode`;
      await rig.sim.chat.userWrites({
        hotline: '1362',
        channel: 'whatsapp',
        from: '+66812229999',
        text: late,
      });
      await new Promise((r) => setTimeout(r, STORE_TIMEOUT_MS * 2));
    });

    await eventually(() => pushed.includes(late), 10_000);
    const read = await staffRequests(() => rig)(
      cookie,
      'GET',
      `/api/staff/chats/${conversation.id}`,
    );
    const texts = (read.json() as { messages: Array<{ text: string }> }).messages.map(
      (m) => m.text,
    );
    expect(texts.filter((t) => t === late)).toHaveLength(1);
    expect(pushed.filter((t) => t === late)).toHaveLength(1);
  });
});
