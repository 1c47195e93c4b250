import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { chatChannelConfigs, chatConversations, chatMessages } from '../../../db/schema/chat';
import type {
  TChatAttachmentMeta,
  TChatConversation,
  TChatEndReason,
  TChatMessage,
  TInboundChatMessage,
} from '../../contracts/chat';
import { contacts } from '../../../db/schema/contacts';
import { hotlines } from '../../../db/schema/hotlines';
import { rawSql, type TDatabase } from '../../infra/database';
import type { TDbOrTx } from '../audit/audit.repository';
import { decryptField, encryptField } from '../crypto/field-cipher';
import type { TKeyring } from '../crypto/keyring';
import { contactHash } from './chat-address.policy';
import { chatInboundBatcher } from './chat-inbound.batcher';
import type { TStoredInbound } from './chat-inbound.statements';

export type { TStoredInbound } from './chat-inbound.statements';
import { insertAttachmentRows } from './chat-attachments.repository';

export type TConversationRow = typeof chatConversations.$inferSelect;
export type TMessageRow = typeof chatMessages.$inferSelect;
type TDelivery = TMessageRow['delivery'];
export type TChannelConfigRow = typeof chatChannelConfigs.$inferSelect;

const bodyCtx = (id: string) => ({ table: 'chat_messages', column: 'body_enc', rowId: id });
const attachCtx = (id: string) => ({
  table: 'chat_messages',
  column: 'attachments_enc',
  rowId: id,
});
const addressCtx = (id: string) => ({
  table: 'chat_conversations',
  column: 'address_enc',
  rowId: id,
});

export function chatRepository(db: TDatabase, keyring: TKeyring) {
  // The driver under drizzle, for the group-committed single statement of the inbound path.
  const inbound = chatInboundBatcher(db, rawSql(db));
  const readMessage = (row: TMessageRow): TChatMessage => ({
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    author: row.direction === 'inbound' ? null : (row.authorId ?? 'system'),
    text: decryptField(keyring, bodyCtx(row.id), row.bodyEnc),
    attachments: row.attachmentsEnc
      ? (JSON.parse(
          decryptField(keyring, attachCtx(row.id), row.attachmentsEnc),
        ) as TChatAttachmentMeta[])
      : [],
    delivery: row.delivery,
    at: row.at.toISOString(),
  });

  return {
    readMessage,

    async activeChannelConfigs(): Promise<Array<TChannelConfigRow & { defaultLanguage: string }>> {
      const rows = await db
        .select({ config: chatChannelConfigs, defaultLanguage: hotlines.defaultLanguage })
        .from(chatChannelConfigs)
        .innerJoin(hotlines, eq(hotlines.number, chatChannelConfigs.hotline))
        .where(eq(chatChannelConfigs.active, true));
      return rows.map((r) => ({ ...r.config, defaultLanguage: r.defaultLanguage }));
    },

    /** Whether an earlier contact record of this person says "no SMS/messages". */
    async noMessagesMarked(hash: string): Promise<boolean> {
      const [row] = await db
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.callerPhoneHash, hash), eq(contacts.noSms, true)))
        .limit(1);
      return row !== undefined;
    },

    /**
     * Keeps one inbound message, exactly once: the conversation is found or opened by its
     * provider reference, and the message insert does nothing when its provider id is known.
     * A plain message (the usual case) is group-committed with the others arriving meanwhile,
     * in one statement (chat-inbound.batcher.ts); one with files or a stop word takes the
     * transaction below (its extra writes commit with it).
     */
    async storeInbound(
      message: TInboundChatMessage,
      hotline: string,
      language: string,
      stop: boolean,
    ): Promise<TStoredInbound> {
      if (!stop && !message.attachments.length) {
        const conversationId = crypto.randomUUID();
        const messageId = crypto.randomUUID();
        return inbound.store({
          conversationId,
          messageId,
          hotline,
          channel: message.channel,
          provider: message.conversationRef.provider,
          providerRef: message.conversationRef.ref,
          contactHash: contactHash(keyring, message.channel, message.authorAddress),
          addressEnc: encryptField(keyring, addressCtx(conversationId), message.authorAddress),
          language,
          providerMessageId: message.providerMessageId,
          bodyEnc: encryptField(keyring, bodyCtx(messageId), message.text),
          receivedAt: new Date(message.receivedAt),
        });
      }
      // One transaction, so a message never exists without its conversation's
      // `last_inbound_at`, its attachment rows or its stop.
      // Three statements sent together (pipelined on the transaction's connection, run in
      // order): the conversation if new, the message unless already kept (dedupe on the
      // provider's id), the conversation's last inbound time.
      return db.transaction(async (tx) => {
        const receivedAt = new Date(message.receivedAt);
        const { provider, ref } = message.conversationRef;
        const byRef = and(
          eq(chatConversations.provider, provider),
          eq(chatConversations.providerRef, ref),
        );
        const conversationId = crypto.randomUUID();
        const messageId = crypto.randomUUID();
        const [inserted, rows, updated] = await Promise.all([
          tx
            .insert(chatConversations)
            .values({
              id: conversationId,
              hotline,
              channel: message.channel,
              provider,
              providerRef: ref,
              contactHash: contactHash(keyring, message.channel, message.authorAddress),
              addressEnc: encryptField(keyring, addressCtx(conversationId), message.authorAddress),
              language,
              startedAt: receivedAt,
            })
            .onConflictDoNothing({
              target: [chatConversations.provider, chatConversations.providerRef],
            })
            .returning({ id: chatConversations.id }),
          tx
            .insert(chatMessages)
            .values({
              id: messageId,
              conversationId: sql`(select id from chat_conversations where provider = ${provider} and provider_ref = ${ref})`,
              providerMessageId: message.providerMessageId,
              direction: 'inbound',
              bodyEnc: encryptField(keyring, bodyCtx(messageId), message.text),
              attachmentsEnc: message.attachments.length
                ? encryptField(keyring, attachCtx(messageId), JSON.stringify(message.attachments))
                : null,
              delivery: 'received',
              at: receivedAt,
            })
            .onConflictDoNothing({ target: chatMessages.providerMessageId })
            .returning(),
          // Idempotent (the latest of the two): a duplicate delivery changes nothing.
          tx
            .update(chatConversations)
            .set({
              lastInboundAt: sql`greatest(${chatConversations.lastInboundAt}, ${receivedAt.toISOString()}::timestamptz)`,
            })
            .where(byRef)
            .returning(),
        ]);
        const opened = inserted.length > 0;
        const fresh = rows[0];
        // A delivery kept before (or by a concurrent one that won the insert): that one reports.
        const stored =
          fresh ??
          (
            await tx
              .select()
              .from(chatMessages)
              .where(eq(chatMessages.providerMessageId, message.providerMessageId))
          )[0];
        let conversation = updated[0];
        if (fresh) {
          await insertAttachmentRows(tx, keyring, {
            conversationId: fresh.conversationId,
            messageId: fresh.id,
            attachments: message.attachments,
          });
          if (stop)
            [conversation] = await tx
              .update(chatConversations)
              .set({
                stoppedAt: receivedAt,
                state: 'ended' as const,
                endReason: 'stop_word' as const,
                endedAt: sql`coalesce(${chatConversations.endedAt}, now())`,
              })
              .where(byRef)
              .returning();
        }
        return {
          conversation: conversation as TConversationRow,
          message: stored as TMessageRow,
          duplicate: !fresh,
          opened,
        };
      });
    },

    async conversation(id: string): Promise<TConversationRow | undefined> {
      const [row] = await db.select().from(chatConversations).where(eq(chatConversations.id, id));
      return row;
    },

    async conversationByRef(provider: 'twilio' | 'web', ref: string) {
      const [row] = await db
        .select()
        .from(chatConversations)
        .where(
          and(eq(chatConversations.provider, provider), eq(chatConversations.providerRef, ref)),
        );
      return row;
    },

    async insertOutbound(
      input: {
        conversationId: string;
        authorId: string | null;
        text: string;
        templateKey: string | null;
        at: Date;
      },
      on: TDbOrTx = db,
    ): Promise<TMessageRow> {
      const id = crypto.randomUUID();
      const [row] = await on
        .insert(chatMessages)
        .values({
          id,
          conversationId: input.conversationId,
          direction: 'outbound',
          authorId: input.authorId,
          bodyEnc: encryptField(keyring, bodyCtx(id), input.text),
          templateKey: input.templateKey,
          delivery: 'sending',
          at: input.at,
        })
        .returning();
      return row as TMessageRow;
    },

    async markSent(id: string, providerMessageId: string | null, ok: boolean, on: TDbOrTx = db) {
      await on
        .update(chatMessages)
        .set({ providerMessageId, delivery: ok ? 'sent' : 'failed' })
        .where(eq(chatMessages.id, id));
    },

    /** A delivery receipt; never moves a message backwards (read stays read). */
    async updateDelivery(providerMessageId: string, status: TDelivery) {
      const earlier: Record<TDelivery, TDelivery[]> = {
        received: [],
        sending: [],
        sent: ['sending'],
        delivered: ['sending', 'sent'],
        read: ['sending', 'sent', 'delivered'],
        failed: ['sending', 'sent'],
      };
      if (!earlier[status].length) return 0;
      const rows = await db
        .update(chatMessages)
        .set({ delivery: status })
        .where(
          and(
            eq(chatMessages.providerMessageId, providerMessageId),
            inArray(chatMessages.delivery, earlier[status]),
          ),
        )
        .returning({ id: chatMessages.id });
      return rows.length;
    },

    async knowsProviderMessage(providerMessageId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: chatMessages.id })
        .from(chatMessages)
        .where(eq(chatMessages.providerMessageId, providerMessageId));
      return row !== undefined;
    },

    /** A counsellor accepted the chat task: it is hers and active (an ended chat stays ended). */
    async assign(id: string, userId: string) {
      const [row] = await db
        .update(chatConversations)
        .set({ state: 'active', assignedTo: userId })
        .where(and(eq(chatConversations.id, id), ne(chatConversations.state, 'ended')))
        .returning();
      return row;
    },

    /**
     * The counsellor who holds an active chat hands it back to the line (a transfer): it waits
     * again, for this hotline and language, nobody's. Undefined when it is not hers any more.
     */
    async handBack(
      id: string,
      userId: string,
      to: { hotline: string; language: string },
      on: TDbOrTx = db,
    ) {
      const [row] = await on
        .update(chatConversations)
        .set({ ...to, state: 'waiting', assignedTo: null, routing: 'queued' })
        .where(
          and(
            eq(chatConversations.id, id),
            eq(chatConversations.assignedTo, userId),
            eq(chatConversations.state, 'active'),
          ),
        )
        .returning();
      return row;
    },

    /** The counsellor's own open chats (her desk's list after a reload), oldest first. */
    async heldBy(userId: string): Promise<TConversationRow[]> {
      return db
        .select()
        .from(chatConversations)
        .where(and(eq(chatConversations.assignedTo, userId), eq(chatConversations.state, 'active')))
        .orderBy(asc(chatConversations.startedAt));
    },

    /** The contact record this chat belongs to (its transcript follows it under retention). */
    async linkContact(id: string, contactId: string, on: TDbOrTx = db) {
      await on.update(chatConversations).set({ contactId }).where(eq(chatConversations.id, id));
    },

    async setRouting(id: string, routing: TConversationRow['routing']) {
      await db.update(chatConversations).set({ routing }).where(eq(chatConversations.id, id));
    },

    async end(id: string, reason: TChatEndReason, at: Date) {
      const [row] = await db
        .update(chatConversations)
        .set({ state: 'ended', endReason: reason, endedAt: at })
        .where(and(eq(chatConversations.id, id), ne(chatConversations.state, 'ended')))
        .returning();
      return row;
    },

    /** Conversations whose routing task could not be made yet (Redis down): retried. */
    async awaitingRouting(limit = 100): Promise<TConversationRow[]> {
      return db
        .select()
        .from(chatConversations)
        .where(and(eq(chatConversations.routing, 'pending'), ne(chatConversations.state, 'ended')))
        .orderBy(asc(chatConversations.startedAt))
        .limit(limit);
    },

    /** Chats waiting for a counsellor, oldest first: what the desk and supervisors list. */
    async waiting(hotlines: readonly string[]): Promise<TConversationRow[]> {
      if (!hotlines.length) return [];
      return db
        .select()
        .from(chatConversations)
        .where(
          and(
            inArray(chatConversations.hotline, [...hotlines]),
            eq(chatConversations.state, 'waiting'),
          ),
        )
        .orderBy(asc(chatConversations.startedAt));
    },

    async transcript(conversationId: string, on: TDbOrTx = db): Promise<TChatMessage[]> {
      const rows = await on
        .select()
        .from(chatMessages)
        .where(eq(chatMessages.conversationId, conversationId))
        .orderBy(asc(chatMessages.at), asc(chatMessages.createdAt));
      return rows.map(readMessage);
    },

    async earlierConversations(row: TConversationRow): Promise<number> {
      const [found] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(chatConversations)
        .where(
          and(
            eq(chatConversations.contactHash, row.contactHash),
            ne(chatConversations.id, row.id),
            sql`${chatConversations.startedAt} < ${row.startedAt.toISOString()}::timestamptz`,
          ),
        );
      return found?.n ?? 0;
    },
  };
}

export type TChatRepository = ReturnType<typeof chatRepository>;

export function conversationView(row: TConversationRow, earlier: number): TChatConversation {
  return {
    id: row.id,
    hotline: row.hotline,
    channel: row.channel,
    language: row.language,
    state: row.state,
    routing: row.routing,
    endReason: row.endReason,
    assignedTo: row.assignedTo,
    lastInboundAt: row.lastInboundAt?.toISOString() ?? null,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    earlierConversations: earlier,
  };
}
