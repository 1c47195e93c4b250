import { inArray } from 'drizzle-orm';
import { chatMessages } from '../../../db/schema/chat';
import type { TDatabase, TSql } from '../../infra/database';
import { groupCommit, type TGroupWaiter } from '../../infra/group-commit';
import {
  storeInboundStatement,
  type TConversationWrite,
  type TInboundWrite,
  type TStoredInbound,
} from './chat-inbound.statements';

type TWaiter = TGroupWaiter<TInboundWrite, TStoredInbound>;

const refKey = (w: TInboundWrite) => `${w.provider} ${w.providerRef}`;

/**
 * Independent group-commit queues, each conversation always on the same one: its messages are
 * written in arrival order, and a batch held up (a conversation row locked by a long
 * transaction) holds up only its own lane, not every message behind it. A few, well under the
 * pool's connections.
 */
const LANES = 4;

function laneOf(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(h) % LANES;
}

/**
 * Group commit for plain inbound messages (bench:chat: 100 a second into 3,000 conversations):
 * the messages arriving while a write is in flight leave together in one statement, one round
 * trip and one durable commit. Each message still gets its own outcome: stored, or a duplicate
 * (its provider id kept before, or twice in the batch: the first is stored, the others are
 * duplicates of it). Conversations are spread over LANES queues. If a batch fails, each of its
 * messages is tried alone, so one bad message fails only itself (its webhook then journals it);
 * a Postgres outage fails them all.
 */
export function chatInboundBatcher(db: TDatabase, client: TSql) {
  async function write(batch: TWaiter[]): Promise<void> {
    const conversations = new Map<string, TConversationWrite>();
    const messages = new Map<string, TInboundWrite>();
    for (const { item } of batch) {
      const known = conversations.get(refKey(item));
      if (!known) conversations.set(refKey(item), { ...item, lastInboundAt: item.receivedAt });
      else if (item.receivedAt > known.lastInboundAt) known.lastInboundAt = item.receivedAt;
      if (!messages.has(item.providerMessageId)) messages.set(item.providerMessageId, item);
    }
    const rows = await storeInboundStatement(
      client,
      [...conversations.values()],
      [...messages.values()],
    );
    const conversationByRef = new Map(
      rows.conversations.map((c) => [`${c.provider} ${c.providerRef}`, c]),
    );
    const fresh = new Map(rows.messages.map((m) => [m.providerMessageId, m]));
    // Kept before this batch: the stored row reports (rare: a redelivery or a journal replay).
    const earlierIds = [...messages.keys()].filter((id) => !fresh.has(id));
    const earlier = earlierIds.length
      ? await db
          .select()
          .from(chatMessages)
          .where(inArray(chatMessages.providerMessageId, earlierIds))
      : [];
    for (const w of batch) {
      const id = w.item.providerMessageId;
      const conversation = conversationByRef.get(refKey(w.item));
      const inserted = fresh.get(id);
      const message = inserted ?? earlier.find((m) => m.providerMessageId === id);
      if (!conversation || !message) {
        w.reject(new Error('chat message not stored'));
        continue;
      }
      // The first waiter with a provider id owns its insert; a second one is its duplicate.
      const owner = messages.get(id) === w.item;
      w.resolve({
        conversation,
        message,
        duplicate: !(owner && inserted),
        // Only the first message of a new conversation proposed the id it was opened with.
        opened: conversation.id === w.item.conversationId,
      });
    }
  }

  const lanes = Array.from({ length: LANES }, () =>
    groupCommit<TInboundWrite, TStoredInbound>(async (batch) => {
      try {
        await write(batch);
      } catch (err) {
        if (batch.length === 1) {
          batch[0]?.reject(err);
          return;
        }
        for (const waiter of batch) await write([waiter]).catch((e: unknown) => waiter.reject(e));
      }
    }),
  );

  return {
    store: (item: TInboundWrite) => (lanes[laneOf(refKey(item))] as (typeof lanes)[number])(item),
  };
}
