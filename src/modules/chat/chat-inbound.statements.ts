import { getTableColumns, type Table } from 'drizzle-orm';
import { chatConversations, chatMessages } from '../../../db/schema/chat';
import type { TSql } from '../../infra/database';

/** One inbound message ready to keep: ids chosen and personal fields already encrypted. */
export type TInboundWrite = {
  /** Used only if the message opens its conversation (the address is sealed with it). */
  conversationId: string;
  messageId: string;
  hotline: string;
  channel: string;
  provider: 'twilio' | 'web';
  providerRef: string;
  contactHash: string;
  addressEnc: string;
  language: string;
  providerMessageId: string;
  bodyEnc: string;
  receivedAt: Date;
};

/** A conversation to find or open: its first message of the batch, and the latest one's time. */
export type TConversationWrite = TInboundWrite & { lastInboundAt: Date };

type TConversationRow = typeof chatConversations.$inferSelect;
type TMessageRow = typeof chatMessages.$inferSelect;

export type TStoredInbound = {
  conversation: TConversationRow;
  message: TMessageRow;
  duplicate: boolean;
  /** The conversation was created by this message (it must become a routing task). */
  opened: boolean;
};

/** A row as `to_jsonb` gives it (SQL names, timestamps as text) turned into drizzle's shape. */
function fromJson<T>(table: Table, json: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T;
}

/**
 * Keeps a batch of plain inbound messages (no attachments, no stop word) in ONE statement, so
 * one round trip and one commit (a durable one: the webhook answers Twilio only after it) for
 * every message that arrived meanwhile. The drizzle transaction it replaces took three round
 * trips per message (begin, three pipelined statements, commit), each parsed anew.
 *
 * Each conversation is found or opened by its provider reference (and its last inbound time
 * moved on); each message is inserted unless its provider id is known (dedupe). The caller gives
 * distinct references and distinct provider ids. Returns the conversations after the write and
 * the messages this statement inserted; a message missing from them was kept before.
 *
 * Values travel as text arrays and are cast in SQL: one statement text for any batch size.
 */
export async function storeInboundStatement(
  client: TSql,
  conversations: readonly TConversationWrite[],
  messages: readonly TInboundWrite[],
): Promise<{ conversations: TConversationRow[]; messages: TMessageRow[] }> {
  const c = <T>(pick: (w: TConversationWrite) => T) => conversations.map(pick);
  const m = <T>(pick: (w: TInboundWrite) => T) => messages.map(pick);
  const [row] = await client<Array<{ conversations: unknown[]; messages: unknown[] }>>`
    with conv as (
      insert into chat_conversations (id, hotline, channel, provider, provider_ref, contact_hash,
        address_enc, language, started_at, last_inbound_at)
      select id::uuid, hotline, channel, provider, provider_ref, contact_hash, address_enc,
        language, started_at::timestamptz, last_inbound_at::timestamptz
      from unnest(
        ${c((w) => w.conversationId)}::text[], ${c((w) => w.hotline)}::text[],
        ${c((w) => w.channel)}::text[], ${c((w) => w.provider)}::text[],
        ${c((w) => w.providerRef)}::text[], ${c((w) => w.contactHash)}::text[],
        ${c((w) => w.addressEnc)}::text[], ${c((w) => w.language)}::text[],
        ${c((w) => w.receivedAt.toISOString())}::text[],
        ${c((w) => w.lastInboundAt.toISOString())}::text[]
      ) as t(id, hotline, channel, provider, provider_ref, contact_hash, address_enc, language,
        started_at, last_inbound_at)
      on conflict (provider, provider_ref) do update set
        last_inbound_at = greatest(chat_conversations.last_inbound_at, excluded.last_inbound_at),
        updated_at = now()
      returning chat_conversations.*),
    msg as (
      insert into chat_messages (id, conversation_id, provider_message_id, direction, body_enc,
        delivery, at)
      select m.id::uuid, conv.id, m.provider_message_id, 'inbound', m.body_enc, 'received',
        m.at::timestamptz
      from unnest(
        ${m((w) => w.messageId)}::text[], ${m((w) => w.providerMessageId)}::text[],
        ${m((w) => w.provider)}::text[], ${m((w) => w.providerRef)}::text[],
        ${m((w) => w.bodyEnc)}::text[], ${m((w) => w.receivedAt.toISOString())}::text[]
      ) as m(id, provider_message_id, provider, provider_ref, body_enc, at)
      join conv on conv.provider = m.provider and conv.provider_ref = m.provider_ref
      on conflict (provider_message_id) do nothing
      returning chat_messages.*)
    select
      (select coalesce(json_agg(to_jsonb(conv)), '[]'::json) from conv) as conversations,
      (select coalesce(json_agg(to_jsonb(msg)), '[]'::json) from msg) as messages`;
  return {
    conversations: (row?.conversations ?? []).map((r) =>
      fromJson<TConversationRow>(chatConversations, r as Record<string, unknown>),
    ),
    messages: (row?.messages ?? []).map((r) =>
      fromJson<TMessageRow>(chatMessages, r as Record<string, unknown>),
    ),
  };
}
