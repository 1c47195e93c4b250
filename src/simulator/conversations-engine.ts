import { createHash } from 'node:crypto';
import type { TChatChannel } from '../contracts/chat';
import { newSid } from './sim-ids';
import type { TSimChatService } from './sim-chat-services';
import type { TWebhookClient } from './webhook-client';

export type TSimChatMessage = {
  sid: string;
  index: number;
  author: string;
  body: string | null;
  contentSid: string | null;
  dateCreated: Date;
  delivery: 'sent' | 'delivered' | 'read' | null;
  media: TSimMedia[];
};

/** A file a simulated user sent, held as Twilio's Media Content Service (MCS) holds it. */
export type TSimMedia = {
  sid: string;
  serviceSid: string;
  conversationSid: string;
  messageSid: string;
  author: string;
  contentType: string;
  filename: string;
  size: number;
  /** The bytes; made from the SID when the test gave none (only `size` matters then). */
  content: Buffer | null;
  /** MCS answers 404 for it: the provider lost it (a fetch failure the server must record). */
  unavailable: boolean;
  createdAt: Date;
};

export type TSimConversation = {
  sid: string;
  serviceSid: string;
  channel: Exclude<TChatChannel, 'web'>;
  /** The simulated user's address (`whatsapp:+66…`) and the hotline's (`whatsapp:+856…`). */
  userAddress: string;
  proxyAddress: string;
  state: 'active' | 'closed';
  createdAt: Date;
  updatedAt: Date;
  messages: TSimChatMessage[];
};

export type TUserWrites = {
  hotline: string;
  channel: Exclude<TChatChannel, 'web'>;
  from: string;
  text: string;
  media?: Array<{
    contentType: string;
    filename: string;
    size: number;
    contentBase64?: string;
    unavailable?: boolean;
  }>;
};

/** A media file's bytes: given by the test, or `size` bytes derived from its SID. */
export function simMediaContent(media: TSimMedia): Buffer {
  if (media.content) return media.content;
  const block = createHash('sha256').update(media.sid).digest();
  const out = Buffer.alloc(media.size);
  for (let i = 0; i < media.size; i += block.length) block.copy(out, i);
  return out;
}

export type TConversationsEngine = ReturnType<typeof conversationsEngine>;

const address = (channel: TUserWrites['channel'], from: string) =>
  channel === 'sms' || from.startsWith(`${channel}:`) ? from : `${channel}:${from}`;

/**
 * Twilio Conversations as simulated users see it: a user writes to a hotline's address, the
 * conversation is found (or opened after a closed one, as Twilio's autocreation does) and the
 * post-event webhooks are signed and sent to the server. Replies the server posts through REST
 * land in the conversation for the user to read, with delivery receipts sent back.
 */
export function conversationsEngine(options: {
  accountSid: string;
  services: readonly TSimChatService[];
  webhookUrl: string;
  webhooks: TWebhookClient;
}) {
  const conversations = new Map<string, TSimConversation>();
  // Each user's conversations with a service, so a message finds its conversation without a
  // scan of all of them (bench:chat holds thousands open; the scan ran on the API's event loop).
  const byUser = new Map<string, TSimConversation[]>();
  const userKey = (serviceSid: string, user: string) => `${serviceSid} ${user}`;
  const media = new Map<string, TSimMedia>();
  const lastWebhook = new Map<string, Record<string, string>>();

  const post = (params: Record<string, string>) =>
    options.webhooks.post(options.webhookUrl, params).catch(() => ({ status: 0, body: '' }));

  const base = (c: TSimConversation) => ({
    AccountSid: options.accountSid,
    ChatServiceSid: c.serviceSid,
    ConversationSid: c.sid,
  });

  function serviceFor(hotline: string): TSimChatService {
    const service = options.services.find((s) => s.hotline === hotline);
    if (!service) throw new Error(`no chat service for hotline ${hotline}`);
    return service;
  }

  async function open(service: TSimChatService, args: TUserWrites, user: string) {
    const now = new Date();
    const conversation: TSimConversation = {
      sid: newSid('CH'),
      serviceSid: service.serviceSid,
      channel: args.channel,
      userAddress: user,
      proxyAddress: service.addresses[args.channel],
      state: 'active',
      createdAt: now,
      updatedAt: now,
      messages: [],
    };
    conversations.set(conversation.sid, conversation);
    const key = userKey(service.serviceSid, user);
    byUser.set(key, [...(byUser.get(key) ?? []), conversation]);
    const binding = {
      'MessagingBinding.Address': user,
      'MessagingBinding.ProxyAddress': conversation.proxyAddress,
    };
    await post({
      ...base(conversation),
      EventType: 'onConversationAdded',
      DateCreated: now.toISOString(),
      State: 'active',
      Source: args.channel.toUpperCase(),
      ...binding,
    });
    await post({
      ...base(conversation),
      EventType: 'onParticipantAdded',
      ParticipantSid: newSid('MB'),
      DateCreated: now.toISOString(),
      Source: args.channel.toUpperCase(),
      ...binding,
    });
    return conversation;
  }

  return {
    conversations,
    media,
    serviceFor,

    /** A simulated user writes; resolves once the server has answered the message webhook. */
    async userWrites(args: TUserWrites) {
      const service = serviceFor(args.hotline);
      const user = address(args.channel, args.from);
      const existing = byUser
        .get(userKey(service.serviceSid, user))
        ?.find((c) => c.state === 'active');
      const conversation = existing ?? (await open(service, args, user));
      const message: TSimChatMessage = {
        sid: newSid('IM'),
        index: conversation.messages.length,
        author: user,
        body: args.text,
        contentSid: null,
        dateCreated: new Date(),
        delivery: null,
        media: [],
      };
      for (const m of args.media ?? []) {
        const content = m.contentBase64 ? Buffer.from(m.contentBase64, 'base64') : null;
        const item: TSimMedia = {
          sid: newSid('ME'),
          serviceSid: conversation.serviceSid,
          conversationSid: conversation.sid,
          messageSid: message.sid,
          author: user,
          contentType: m.contentType,
          filename: m.filename,
          size: content ? content.length : m.size,
          content,
          unavailable: m.unavailable ?? false,
          createdAt: message.dateCreated,
        };
        media.set(item.sid, item);
        message.media.push(item);
      }
      conversation.messages.push(message);
      conversation.updatedAt = message.dateCreated;
      const params = {
        ...base(conversation),
        EventType: 'onMessageAdded',
        MessageSid: message.sid,
        Index: String(message.index),
        Author: user,
        Body: args.text,
        ParticipantSid: newSid('MB'),
        Source: args.channel.toUpperCase(),
        DateCreated: message.dateCreated.toISOString(),
        ...(message.media.length
          ? {
              Media: JSON.stringify(
                message.media.map((m) => ({
                  Sid: m.sid,
                  ContentType: m.contentType,
                  Filename: m.filename,
                  Size: m.size,
                })),
              ),
            }
          : {}),
      };
      lastWebhook.set(message.sid, params);
      const response = await post(params);
      return {
        conversationSid: conversation.sid,
        messageSid: message.sid,
        status: response.status,
      };
    },

    /** Twilio sends a webhook again (a retry after a timeout): the very same signed form. */
    async redeliver(messageSid: string) {
      const params = lastWebhook.get(messageSid);
      if (!params) return null;
      return (await post(params)).status;
    },

    /** The server posted a message through REST: the user receives it, receipts follow. */
    serverWrites(
      conversation: TSimConversation,
      args: { author: string; body: string | null; contentSid: string | null },
    ): TSimChatMessage {
      const message: TSimChatMessage = {
        sid: newSid('IM'),
        index: conversation.messages.length,
        author: args.author,
        body: args.body,
        contentSid: args.contentSid,
        dateCreated: new Date(),
        delivery: 'sent',
        media: [],
      };
      conversation.messages.push(message);
      conversation.updatedAt = message.dateCreated;
      setImmediate(() => {
        message.delivery = 'delivered';
        void post({
          ...base(conversation),
          EventType: 'onDeliveryUpdated',
          MessageSid: message.sid,
          DeliveryReceiptSid: newSid('DY'),
          Status: 'delivered',
          DateCreated: new Date().toISOString(),
        });
      });
      return message;
    },

    /** What a simulated user has received from the hotline, oldest first. */
    inbox(channel: TUserWrites['channel'], from: string) {
      const user = address(channel, from);
      return [...conversations.values()]
        .filter((c) => c.userAddress === user)
        .flatMap((c) =>
          c.messages
            .filter((m) => m.author !== user)
            .map((m) => ({
              conversationSid: c.sid,
              sid: m.sid,
              body: m.body,
              contentSid: m.contentSid,
              at: m.dateCreated,
            })),
        )
        .sort((a, b) => a.at.getTime() - b.at.getTime());
    },
  };
}
