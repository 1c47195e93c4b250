import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInboundChatMessage } from '../../../src/contracts/chat';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';
import { chatRepository, type TChatRepository } from '../../../src/modules/chat/chat.repository';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { seedChatHotline } from '../../fixtures/chat.fixture';

// A surge of inbound messages (bench:chat: 100 a second into 3,000 open conversations) is kept
// in shared commits, not one transaction each; every message must still be kept exactly once,
// with its conversation opened once, and a bad message must not take the others down with it.
let stores: TTestStores;
let repository: TChatRepository;

beforeAll(async () => {
  stores = await createTestStores();
  await seedChatHotline(stores.database.db);
  repository = chatRepository(stores.database.db, keyringFromConfig(stores.config));
});
afterAll(async () => {
  await stores?.cleanup();
});

const sid = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(32, '0')}`;

function message(conversation: number, n: number, at: number): TInboundChatMessage {
  return {
    channel: 'whatsapp',
    conversationRef: { provider: 'twilio', ref: sid('CH', conversation) },
    providerMessageId: sid('IM', conversation * 100 + n),
    authorAddress: `whatsapp:+668000000${String(conversation).padStart(2, '0')}`,
    hotline: null,
    language: null,
    text: `message ${n} of ${conversation}`,
    attachments: [],
    receivedAt: new Date(Date.UTC(2026, 11, 5, 8, 0, at)).toISOString(),
  };
}

/** Write transactions committed so far (each takes a transaction id). */
async function writeTransactions(): Promise<number> {
  const [row] = await stores.database.sql<Array<{ xid: string }>>`
    select pg_current_xact_id()::text as xid`;
  return Number(row?.xid);
}

describe('a burst of inbound messages', () => {
  it('keeps each once, opens each conversation once, and shares commits', async () => {
    const earlier = message(50, 0, 0);
    await repository.storeInbound(earlier, '1362', 'lo', false);

    // Ten new conversations with four messages each, arriving together; three of them
    // delivered twice in the same burst, and one delivered before the burst.
    const burst = Array.from({ length: 10 }, (_, c) =>
      Array.from({ length: 4 }, (_, n) => message(c, n, c * 4 + n + 1)),
    ).flat();
    const redelivered = [burst[0], burst[5], burst[13], earlier] as TInboundChatMessage[];
    const before = await writeTransactions();
    const results = await Promise.all(
      [...burst, ...redelivered].map((m) => repository.storeInbound(m, '1362', 'lo', false)),
    );
    const after = await writeTransactions();

    expect(results.filter((r) => !r.duplicate)).toHaveLength(burst.length);
    expect(results.slice(burst.length).every((r) => r.duplicate)).toBe(true);
    expect(results.filter((r) => r.opened)).toHaveLength(10);
    const [counts] = await stores.database.sql<Array<{ n: number; distinct_n: number }>>`
      select count(*)::int as n, count(distinct provider_message_id)::int as distinct_n
      from chat_messages`;
    expect(counts).toEqual({ n: burst.length + 1, distinct_n: burst.length + 1 });
    // A redelivery reports the message kept first, in the same conversation.
    expect(results[burst.length]?.message.id).toBe(results[0]?.message.id);
    const again = results[burst.length + 3];
    expect(again && repository.readMessage(again.message).text).toBe(earlier.text);

    const conversations = await stores.database.sql<
      Array<{ provider_ref: string; messages: number; last: Date }>
    >`
      select c.provider_ref, count(m.id)::int as messages, c.last_inbound_at as last
      from chat_conversations c join chat_messages m on m.conversation_id = c.id
      group by c.id order by c.provider_ref`;
    expect(conversations).toHaveLength(11);
    for (const [c, row] of conversations.slice(0, 10).entries()) {
      expect(row.messages).toBe(4);
      // The conversation's last inbound time is its latest message's, whatever the batch order.
      expect(new Date(row.last).toISOString()).toBe(message(c, 3, c * 4 + 4).receivedAt);
    }
    // Fewer commits than messages: the burst is group-committed (one transaction each before).
    expect(after - before).toBeLessThan(burst.length / 2);
  });

  it('a message that cannot be kept fails alone; the others of its batch are kept', async () => {
    const good = Array.from({ length: 6 }, (_, n) => message(20 + n, 0, n));
    // No such hotline: its conversation cannot be opened (the webhook would journal it).
    const bad = { ...message(30, 0, 0) };
    const settled = await Promise.allSettled([
      ...good.map((m) => repository.storeInbound(m, '1362', 'lo', false)),
      repository.storeInbound(bad, '9999', 'lo', false),
      ...good.map((m) =>
        repository.storeInbound(
          { ...m, providerMessageId: `${m.providerMessageId}b` },
          '1362',
          'lo',
          false,
        ),
      ),
    ]);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(1);
    expect(settled[good.length]?.status).toBe('rejected');
    const [row] = await stores.database.sql<Array<{ n: number }>>`
      select count(*)::int as n from chat_messages m join chat_conversations c
        on c.id = m.conversation_id where c.provider_ref = any(${good.map((m) => m.conversationRef.ref)})`;
    expect(row?.n).toBe(good.length * 2);
  });
});
