import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  chatAttachmentFailures,
  chatAttachmentStates,
  chatChannels,
  chatConversationStates,
  chatEndReasons,
  chatRoutingStates,
} from '../../src/contracts/chat';
import { timestamps } from './columns';
import { contacts } from './contacts';
import { hotlines } from './hotlines';
import { staffUsers } from './staff';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An approved, neutral WhatsApp template (the only thing sendable outside the 24-hour window). */
export type TChatTemplate = { contentSid: string; textLo: string; textEn: string };

/**
 * Which channels a hotline serves, as data: the hotline's own address on the channel (its
 * WhatsApp number, Messenger page, SMS number) and the Twilio Conversations service that
 * delivers them. These are the hotline's public addresses, not anyone's personal data.
 */
export const chatChannelConfigs = pgTable(
  'chat_channel_configs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hotline: text('hotline')
      .notNull()
      .references(() => hotlines.number),
    channel: text('channel', { enum: chatChannels }).notNull(),
    /** `whatsapp:+856…`, `messenger:<page id>`, `+856…`; for 'web' the widget's site key. */
    address: text('address').notNull(),
    /** Twilio Conversations service (IS…) whose webhooks carry this channel; null for 'web'. */
    conversationServiceSid: text('conversation_service_sid'),
    templates: jsonb('templates').$type<Record<string, TChatTemplate>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    unique('chat_channel_configs_address_uq').on(t.channel, t.address),
    index('chat_channel_configs_service_idx').on(t.conversationServiceSid),
  ],
);

/**
 * One conversation with one contact on one channel. The contact's address is kept only as a
 * keyed HMAC (`contact_hash`; for phone-based channels the same hash as a caller's number, so a
 * repeat contact is recognised across calls and chats) and encrypted (`address_enc`).
 */
export const chatConversations = pgTable(
  'chat_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hotline: text('hotline')
      .notNull()
      .references(() => hotlines.number),
    channel: text('channel', { enum: chatChannels }).notNull(),
    provider: text('provider', { enum: ['twilio', 'web'] }).notNull(),
    /** Twilio Conversation SID (CH…) or the web-chat session id. */
    providerRef: text('provider_ref').notNull(),
    contactHash: text('contact_hash').notNull(),
    addressEnc: text('address_enc').notNull(),
    language: text('language').notNull(),
    state: text('state', { enum: chatConversationStates }).notNull().default('waiting'),
    routing: text('routing', { enum: chatRoutingStates }).notNull().default('pending'),
    endReason: text('end_reason', { enum: chatEndReasons }),
    assignedTo: uuid('assigned_to').references(() => staffUsers.id),
    /** The contact record this chat belongs to: the transcript goes with it under retention. */
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    /** Set when the contact typed a stop word: nothing is ever sent after it. */
    stoppedAt: at('stopped_at'),
    /** A counsellor marked this contact "no messages": never written to. */
    noMessages: boolean('no_messages').notNull().default(false),
    lastInboundAt: at('last_inbound_at'),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at'),
    ...timestamps,
  },
  (t) => [
    unique('chat_conversations_ref_uq').on(t.provider, t.providerRef),
    index('chat_conversations_contact_hash_idx').on(t.contactHash),
    index('chat_conversations_open_idx').on(t.hotline, t.state),
  ],
);

/**
 * Every message, inbound and outbound. `provider_message_id` is unique: a webhook delivered
 * twice, or replayed from the journal after an outage, is kept once. Text and attachment
 * descriptions are encrypted, bound to the message id.
 */
export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => chatConversations.id, { onDelete: 'cascade' }),
    providerMessageId: text('provider_message_id'),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    authorId: uuid('author_id').references(() => staffUsers.id),
    bodyEnc: text('body_enc').notNull(),
    attachmentsEnc: text('attachments_enc'),
    templateKey: text('template_key'),
    delivery: text('delivery', {
      enum: ['received', 'sending', 'sent', 'delivered', 'read', 'failed'],
    }).notNull(),
    at: at('at').notNull(),
    ...timestamps,
  },
  (t) => [
    unique('chat_messages_provider_id_uq').on(t.providerMessageId),
    index('chat_messages_conversation_idx').on(t.conversationId, t.at),
  ],
);

/**
 * A file a contact sent (an image, a voice note), fetched from the provider once and kept
 * encrypted here (`content_enc`: the bytes, base64, AES-GCM bound to the row id) with its SHA-256
 * as evidence. The file name can say who someone is, so it is encrypted too. A fetch that fails
 * or is refused (too large, a type not allowed) is recorded with its reason, never dropped.
 */
export const chatAttachments = pgTable(
  'chat_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => chatConversations.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id')
      .notNull()
      .references(() => chatMessages.id, { onDelete: 'cascade' }),
    /** Position in the message's media list (a message carries up to ten). */
    position: integer('position').notNull(),
    /** The provider's media handle (Twilio ME…); null when the provider gave none. */
    providerMediaRef: text('provider_media_ref'),
    /** Twilio Conversations service (IS…) holding the media; null for the web chat. */
    serviceSid: text('service_sid'),
    contentType: text('content_type').notNull(),
    /** As announced by the provider until stored, then the stored byte count. */
    sizeBytes: integer('size_bytes'),
    filenameEnc: text('filename_enc'),
    contentEnc: text('content_enc'),
    sha256: text('sha256'),
    state: text('state', { enum: chatAttachmentStates }).notNull().default('pending'),
    failure: text('failure', { enum: chatAttachmentFailures }),
    attempts: integer('attempts').notNull().default(0),
    storedAt: at('stored_at'),
    ...timestamps,
  },
  (t) => [
    unique('chat_attachments_message_position_uq').on(t.messageId, t.position),
    index('chat_attachments_conversation_idx').on(t.conversationId),
    index('chat_attachments_pending_idx').on(t.state),
  ],
);

/**
 * Ready-made replies a counsellor can pick on the desk, per hotline and language, managed by
 * administrators. Public wording, not personal data: kept in clear.
 */
export const chatCannedReplies = pgTable(
  'chat_canned_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hotline: text('hotline')
      .notNull()
      .references(() => hotlines.number),
    language: text('language', { enum: ['lo', 'en'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    ...timestamps,
  },
  (t) => [index('chat_canned_replies_hotline_idx').on(t.hotline, t.language)],
);
