// The chat channel: what arrives, what goes out, where a conversation stands, and the module's
// public surface (inbox, outbox, notifier, routing port, channel transports). Constants, zod and
// types only: web/ and the web-chat namespace import this file, so nothing server-side here.
import { z } from 'zod';

export const chatChannels = ['whatsapp', 'messenger', 'sms', 'web'] as const;
export const ZChatChannel = z.enum(chatChannels);
export type TChatChannel = z.infer<typeof ZChatChannel>;

/** Channels that arrive through Twilio Conversations; 'web' arrives over our own namespace. */
export const twilioChatChannels = ['whatsapp', 'messenger', 'sms'] as const;

/**
 * Which conversation a message belongs to, as its provider names it: a Twilio Conversation SID
 * (CH…) or, for the web chat, the anonymous session id the web-chat namespace gave the visitor.
 */
export const ZChatConversationRef = z.object({
  provider: z.enum(['twilio', 'web']),
  ref: z.string().min(1).max(128),
});
export type TChatConversationRef = z.infer<typeof ZChatConversationRef>;

/** An attachment is described, never fetched or opened automatically. */
export const ZChatAttachmentMeta = z.object({
  contentType: z.string().max(200),
  sizeBytes: z.number().int().nonnegative().nullable(),
  filename: z.string().max(300).nullable(),
  /** The provider's handle to the media (Twilio media SID); the bytes are fetched on request. */
  providerMediaRef: z.string().max(200).nullable(),
  /** SHA-256 (hex) of the bytes once stored, as evidence; null until fetched. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});
export type TChatAttachmentMeta = z.infer<typeof ZChatAttachmentMeta>;

export const CHAT_TEXT_MAX = 4096;

/** Where a received file stands: waiting to be fetched, kept (encrypted), or not kept and why. */
export const chatAttachmentStates = ['pending', 'stored', 'failed', 'refused'] as const;
export const chatAttachmentFailures = [
  /** Larger than CHAT_ATTACHMENT_MAX_BYTES: not fetched. */
  'too_large',
  /** Not an image, a voice note or a PDF: not fetched. */
  'type_not_allowed',
  /** The provider did not hand the file over (after the retries). */
  'fetch_failed',
  /** The provider named no media handle: nothing can be fetched. */
  'no_media_ref',
] as const;

/** One attachment as the desk lists it: described, never opened or shown automatically. */
export const ZChatAttachment = z.object({
  id: z.string(),
  messageId: z.string(),
  filename: z.string().nullable(),
  contentType: z.string(),
  sizeBytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  state: z.enum(chatAttachmentStates),
  failure: z.enum(chatAttachmentFailures).nullable(),
  at: z.iso.datetime(),
});
export type TChatAttachment = z.infer<typeof ZChatAttachment>;

/** A ready-made reply for the desk, per hotline and language. */
export const cannedReplyLanguages = ['lo', 'en'] as const;
export const ZCannedReplyInput = z.object({
  language: z.enum(cannedReplyLanguages),
  title: z.string().trim().min(1).max(80),
  body: z.string().trim().min(1).max(CHAT_TEXT_MAX),
});
export const ZCannedReply = ZCannedReplyInput.extend({
  id: z.string(),
  hotline: z.string(),
  updatedAt: z.iso.datetime(),
});
export type TCannedReply = z.infer<typeof ZCannedReply>;
export type TCannedReplyInput = z.infer<typeof ZCannedReplyInput>;

/**
 * One inbound message as a channel hands it to `ChatInbox.receive`. `authorAddress` is the
 * sender's address in clear (`whatsapp:+66…`, `messenger:…`, `+856…`, or the web visitor id);
 * the inbox keeps only its keyed hash and an encrypted copy, never the clear value.
 * `providerMessageId` is unique per message across providers (Twilio's IM…; the web chat uses
 * `web:<uuid>` so it can never collide): the inbox keeps each one exactly once, so a client that
 * retries with the same id is safe. Web messages must name their `hotline`.
 */
export const ZInboundChatMessage = z.object({
  channel: ZChatChannel,
  conversationRef: ZChatConversationRef,
  providerMessageId: z.string().min(1).max(128),
  authorAddress: z.string().min(1).max(256),
  /** The hotline number (1362…). Twilio channels resolve it from the channel configuration. */
  hotline: z.string().max(16).nullable(),
  /** Language the visitor chose (web pre-chat); null when unknown (the hotline's default). */
  language: z.string().max(8).nullable(),
  text: z.string().max(CHAT_TEXT_MAX),
  attachments: z.array(ZChatAttachmentMeta).max(10),
  receivedAt: z.iso.datetime(),
});
export type TInboundChatMessage = z.infer<typeof ZInboundChatMessage>;

export const chatConversationStates = ['waiting', 'offered', 'active', 'ended'] as const;
export const ZChatConversationState = z.enum(chatConversationStates);
export type TChatConversationState = z.infer<typeof ZChatConversationState>;

export const chatEndReasons = [
  'stop_word',
  'counsellor',
  'visitor',
  'quick_exit',
  'expired',
] as const;
export type TChatEndReason = (typeof chatEndReasons)[number];

/** Why the counsellor ends a chat, as she picks it on the desk (kept in the audit log). */
export const counsellorEndReasons = ['resolved', 'no_reply', 'abusive', 'other'] as const;
export const ZCounsellorEndReason = z.enum(counsellorEndReasons);
export type TCounsellorEndReason = z.infer<typeof ZCounsellorEndReason>;

/** Routing: 'queued' once it is a routing task; 'unroutable' while no routing can take it. */
export const chatRoutingStates = ['pending', 'queued', 'unroutable'] as const;

export const ZChatConversation = z.object({
  id: z.string(),
  hotline: z.string(),
  channel: ZChatChannel,
  language: z.string(),
  state: ZChatConversationState,
  routing: z.enum(chatRoutingStates),
  endReason: z.enum(chatEndReasons).nullable(),
  assignedTo: z.string().nullable(),
  /** When the contact last wrote: WhatsApp's 24-hour window runs from here. */
  lastInboundAt: z.iso.datetime().nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  /** Earlier conversations of the same contact (keyed hash), on any channel. */
  earlierConversations: z.number().int().nonnegative(),
});
export type TChatConversation = z.infer<typeof ZChatConversation>;

export const ZChatMessage = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  /** Staff user id for counsellor messages; 'system' for automatic notices; null inbound. */
  author: z.string().nullable(),
  text: z.string(),
  attachments: z.array(ZChatAttachmentMeta),
  delivery: z.enum(['received', 'sending', 'sent', 'delivered', 'read', 'failed']),
  at: z.iso.datetime(),
});
export type TChatMessage = z.infer<typeof ZChatMessage>;

/** What a counsellor (or the system) sends. `templateKey` only for approved neutral templates. */
export const ZOutboundChatMessage = z.object({
  conversationId: z.string(),
  text: z.string().min(1).max(CHAT_TEXT_MAX),
  templateKey: z.string().max(64).nullable().default(null),
});
export type TOutboundChatMessage = z.infer<typeof ZOutboundChatMessage>;

export type TChatStopWordResult =
  { stop: true; word: string; language: 'lo' | 'en' } | { stop: false };

/** Why a send was refused; each is told to the counsellor, nothing is dropped silently. */
export const chatSendRefusals = [
  'CHAT_CONVERSATION_NOT_FOUND',
  'CHAT_ENDED',
  'CHAT_STOPPED',
  'CHAT_NO_MESSAGES',
  'CHAT_WINDOW_CLOSED',
  'CHAT_NOT_STARTED_BY_CONTACT',
  'CHAT_TEMPLATE_NOT_APPROVED',
] as const;
export type TChatSendRefusal = (typeof chatSendRefusals)[number];

export type TChatReceiveResult =
  /** Stored now (first time) or already stored (a duplicate delivery): kept once either way. */
  | { status: 'stored' | 'duplicate'; conversationId: string; messageId: string; stopped: boolean }
  /** The store is down: the message is in the durable journal and will be stored when it is back. */
  | { status: 'journaled' };

export type TChatSendResult =
  | { status: 'sent'; messageId: string; providerMessageId: string | null }
  | { status: 'refused'; code: TChatSendRefusal }
  /** Allowed and recorded, but the provider did not take it: the counsellor is told. */
  | { status: 'failed'; messageId: string };

/** Who sends: a staff user, or the system (closing notice after a stop word is NOT sent). */
export type TChatSender = { kind: 'staff'; staffUserId: string } | { kind: 'system' };

// --- The chat module's public surface -------------------------------------------------------

/** Channels hand every inbound message here. Idempotent on `providerMessageId`. */
export type TChatInbox = {
  receive(message: TInboundChatMessage): Promise<TChatReceiveResult>;
  /** The visitor left (web close, quick exit): the conversation ends, nothing more is sent. */
  end(ref: TChatConversationRef, reason: TChatEndReason): Promise<void>;
};

/** Counsellors (and the system) write through here; every policy is checked before sending. */
export type TChatOutbox = {
  send(message: TOutboundChatMessage, by: TChatSender): Promise<TChatSendResult>;
};

/** A message for conversation X, told to whoever shows it (desk sockets, the web-chat visitor). */
export type TChatMessageNotice = {
  conversationId: string;
  conversationRef: TChatConversationRef;
  hotline: string;
  channel: TChatChannel;
  /** The counsellor who holds the conversation (her desk shows the message); null while waiting. */
  assignedTo: string | null;
  message: TChatMessage;
};

export type TChatNotifier = {
  message(notice: TChatMessageNotice): void;
  conversationChanged(conversation: TChatConversation): void;
};

/**
 * Delivers an outbound message on one channel. Twilio channels use the Conversations REST API;
 * the web-chat namespace implements 'web' (emits to the visitor's socket).
 */
export type TChatTransport = {
  deliver(input: {
    conversationRef: TChatConversationRef;
    /** Twilio Conversations service (IS…) the conversation lives in; null for 'web'. */
    serviceSid: string | null;
    text: string;
    /** Who the contact sees writing: the hotline, never a counsellor's name. */
    author: string;
    /** Provider template id (WhatsApp ContentSid) when sending an approved template. */
    templateId: string | null;
  }): Promise<{ providerMessageId: string | null }>;
  /** The chat ended: the provider stops holding it open (a new message opens a new one). */
  close(input: { conversationRef: TChatConversationRef; serviceSid: string | null }): Promise<void>;
};

/** The narrow port to routing: a conversation becomes a task on channel 'chat'. */
export type TChatRoutingPort = {
  enqueue(task: {
    conversationId: string;
    hotline: string;
    language: string;
    /** Milliseconds moved forward in line (a child, imminent danger). */
    priority: number;
    /** When the conversation started (ISO): its place in line, kept across retries. */
    since?: string;
  }): Promise<'queued' | 'unroutable'>;
  /** The conversation ended: its task leaves the queue (or the counsellor's load). */
  finish(conversationId: string): Promise<void>;
  /**
   * The counsellor who holds it hands it back to the line, for this hotline and language;
   * false when routing does not hold it as hers (ended, or not accepted).
   */
  transfer(
    conversationId: string,
    userId: string,
    to: { hotline: string; language: string },
  ): Promise<boolean>;
};
