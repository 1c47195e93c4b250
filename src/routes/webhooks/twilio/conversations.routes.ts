import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TChatAttachmentMeta, TInboundChatMessage } from '../../../contracts/chat';
import { channelOfTwilioAddress } from '../../../modules/chat/chat-address.policy';
import { UnknownChatServiceError } from '../../../modules/chat/chat-inbox.service';
import type { TChatModule } from '../../../modules/chat/chat.module';
import { guard } from '../../../infra/store-guard';

const sid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`));

/** Twilio Conversations post-event webhooks: one URL, the event named in `EventType`. */
const ZConversationsEvent = z.looseObject({
  EventType: z.string().max(64),
  AccountSid: sid('AC'),
  ChatServiceSid: sid('IS'),
  ConversationSid: sid('CH').optional(),
  MessageSid: sid('IM').optional(),
  Author: z.string().max(256).optional(),
  Body: z.string().max(4096).optional(),
  Media: z.string().max(20_000).optional(),
  DateCreated: z.string().max(64).optional(),
  Status: z.string().max(32).optional(),
});

const ZMedia = z.array(
  z.looseObject({
    Sid: z.string().max(64).optional(),
    Filename: z.string().max(300).nullable().optional(),
    ContentType: z.string().max(200),
    Size: z.number().int().nonnegative().optional(),
  }),
);

function attachments(media: string | undefined): TChatAttachmentMeta[] {
  if (!media) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(media);
  } catch {
    return [];
  }
  const list = ZMedia.safeParse(parsed);
  return list.success
    ? list.data.slice(0, 10).map((m) => ({
        contentType: m.ContentType,
        sizeBytes: m.Size ?? null,
        filename: m.Filename ?? null,
        providerMediaRef: m.Sid ?? null,
        sha256: null,
      }))
    : [];
}

const RECEIPT_ATTEMPTS = 8;
const RECEIPT_FIRST_RETRY_MS = 250;
const RECEIPT_MAX_RETRY_MS = 5000;

const receipts = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
} as const;

/**
 * /webhooks/twilio/conversations: WhatsApp, Messenger and SMS through Twilio Conversations.
 * The folder's hook has checked the signature. A message is stored (or journaled) before 200;
 * our own messages echoed back (author `hotline-…`) and events that carry nothing to keep are
 * acknowledged. A delivery receipt that cannot be written now is only a receipt: it is dropped
 * with a log line, never at the cost of answering late.
 */
export function conversationsRoutes(chat: TChatModule): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/conversations',
      {
        config: { rateLimit: false },
        schema: {
          body: ZConversationsEvent,
          response: { 200: z.object({ ok: z.literal(true) }) },
          tags: ['twilio'],
          summary: 'Twilio Conversations post-event webhook',
        },
      },
      async (request) => {
        const event = request.body;
        if (event.EventType === 'onMessageAdded') await messageAdded(event);
        else if (event.EventType === 'onDeliveryUpdated' && event.MessageSid && event.Status) {
          const status = receipts[event.Status as keyof typeof receipts];
          if (status) void recordReceipt(event.MessageSid, status);
        }
        return { ok: true as const };
      },
    );

    /**
     * A receipt can overtake the reply it is about: Twilio answers the REST call and sends the
     * receipt at once, before the outbox has recorded the message id. It is tried a few times
     * in the background with growing pauses (the webhook never waits; about 20 s in all); a receipt is advisory, so after that it is
     * only logged.
     */
    async function recordReceipt(
      messageSid: string,
      status: (typeof receipts)[keyof typeof receipts],
    ) {
      for (let attempt = 0; attempt < RECEIPT_ATTEMPTS; attempt++) {
        // Known first, then updated: a message recorded between the two is still updated.
        const done = await guard(async () => {
          const known = await chat.repository.knowsProviderMessage(messageSid);
          const updated = await chat.repository.updateDelivery(messageSid, status);
          return known || updated > 0;
        }, 1000);
        if (done.ok && done.value) return;
        const wait = Math.min(RECEIPT_FIRST_RETRY_MS * 2 ** attempt, RECEIPT_MAX_RETRY_MS);
        await new Promise((r) => setTimeout(r, wait).unref());
      }
      app.log.warn({ status }, 'chat delivery receipt not recorded');
    }

    async function messageAdded(event: z.infer<typeof ZConversationsEvent>): Promise<void> {
      const channel = event.Author ? channelOfTwilioAddress(event.Author) : null;
      if (!channel || !event.ConversationSid || !event.MessageSid || !event.Author) return;
      const receivedAt = new Date(event.DateCreated ?? '');
      const message: TInboundChatMessage = {
        channel,
        conversationRef: { provider: 'twilio', ref: event.ConversationSid },
        providerMessageId: event.MessageSid,
        authorAddress: event.Author,
        hotline: null,
        language: null,
        text: event.Body ?? '',
        attachments: attachments(event.Media),
        receivedAt: (Number.isNaN(receivedAt.getTime()) ? new Date() : receivedAt).toISOString(),
      };
      try {
        await chat.inbox.receiveTwilio(message, event.ChatServiceSid);
      } catch (err) {
        if (!(err instanceof UnknownChatServiceError)) throw err;
        app.log.warn(
          { chatServiceSid: event.ChatServiceSid },
          'chat message for a Conversations service no hotline serves: not kept',
        );
      }
    }
  };
}
