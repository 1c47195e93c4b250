import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatMessages } from '../../../db/schema/index';
import { seedChatChannels } from '../../fixtures/chat.fixture';
import { eventually } from '../../fixtures/simulator.fixture';
import { startFaultRig, type TFaultRig } from '../support/fault-rig';

// Fault: Redis killed, then Postgres stopped, while WhatsApp, Messenger and SMS users write.
// Every webhook must still answer 200 and every message must end stored exactly once, Twilio's
// retries of the same message included.
let rig: TFaultRig;

beforeAll(async () => {
  rig = await startFaultRig({ ownRedis: true, ownPostgres: true });
  await seedChatChannels(rig.stores.database.db);
  await rig.app.chat.channels.refresh();
});
afterAll(async () => rig?.close());

const users = [
  { channel: 'whatsapp', from: '+66810000001' },
  { channel: 'messenger', from: '7700112233' },
  { channel: 'sms', from: '+66810000003' },
] as const;

async function writeRound(text: string) {
  const sent = [];
  for (const user of users)
    sent.push(await rig.sim.chat.userWrites({ hotline: '1362', ...user, text }));
  return sent;
}

async function storedCount(messageSids: string[]) {
  const rows = await rig.stores.database.db
    .select({ id: chatMessages.providerMessageId })
    .from(chatMessages)
    .where(inArray(chatMessages.providerMessageId, messageSids));
  return rows.length;
}

describe('fault: chat messages while the stores are down', () => {
  it('Redis down: every message answered 200 and stored once', async () => {
    rig.ownRedis?.kill();
    const sent = [...(await writeRound('first')), ...(await writeRound('second'))];
    expect(sent.map((s) => s.status)).toEqual(sent.map(() => 200));
    for (const s of sent) expect(await rig.sim.chat.redeliver(s.messageSid)).toBe(200);
    const sids = sent.map((s) => s.messageSid);
    expect(await storedCount(sids)).toBe(sids.length);
    await rig.ownRedis?.restart();
  }, 60_000);

  it('Postgres stopped: messages journaled, then stored exactly once when it is back', async () => {
    await rig.ownPostgres?.stop();
    const sent = [...(await writeRound('during 1')), ...(await writeRound('during 2'))];
    expect(sent.map((s) => s.status)).toEqual(sent.map(() => 200));
    // Twilio retries one of them while Postgres is still down: journaled twice, kept once.
    expect(await rig.sim.chat.redeliver(sent[0]?.messageSid as string)).toBe(200);
    expect(await rig.app.chat.journal.size()).toBe(sent.length + 1);
    await rig.ownPostgres?.start();
    const sids = sent.map((s) => s.messageSid);
    await eventually(async () => (await storedCount(sids)) === sids.length, 30_000);
    await eventually(async () => (await rig.app.chat.inbox.drain()).remaining === 0, 30_000);
    // And the same message delivered again now is still kept once.
    expect(await rig.sim.chat.redeliver(sent[1]?.messageSid as string)).toBe(200);
    expect(await storedCount(sids)).toBe(sids.length);
    const transcript = await rig.app.chat.repository.transcript(
      (
        await rig.app.chat.repository.conversationByRef(
          'twilio',
          sent[0]?.conversationSid as string,
        )
      )?.id as string,
    );
    expect(transcript.map((m) => m.text)).toEqual(['first', 'second', 'during 1', 'during 2']);
  }, 120_000);
});
