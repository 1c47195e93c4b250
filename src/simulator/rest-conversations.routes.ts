import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type {
  TConversationsEngine,
  TSimChatMessage,
  TSimConversation,
} from './conversations-engine';
import { form, one, twilioError } from './rest-support';

const HOST = 'https://conversations.twilio.com';
const PREFIX = '/v1/Services/:ChatServiceSid/Conversations';
type TParams = { ChatServiceSid: string; Sid?: string; ConversationSid?: string };

function conversationUrl(c: TSimConversation): string {
  return `${HOST}/v1/Services/${c.serviceSid}/Conversations/${c.sid}`;
}

export function conversationJson(accountSid: string, c: TSimConversation) {
  const url = conversationUrl(c);
  return {
    account_sid: accountSid,
    chat_service_sid: c.serviceSid,
    messaging_service_sid: null,
    sid: c.sid,
    friendly_name: null,
    unique_name: null,
    attributes: '{}',
    state: c.state,
    date_created: c.createdAt.toISOString(),
    date_updated: c.updatedAt.toISOString(),
    timers: {},
    url,
    links: { participants: `${url}/Participants`, messages: `${url}/Messages` },
    bindings: null,
  };
}

export function chatMessageJson(accountSid: string, c: TSimConversation, m: TSimChatMessage) {
  const url = `${conversationUrl(c)}/Messages/${m.sid}`;
  return {
    account_sid: accountSid,
    chat_service_sid: c.serviceSid,
    conversation_sid: c.sid,
    sid: m.sid,
    index: m.index,
    author: m.author,
    body: m.body,
    media: m.media.length
      ? m.media.map((x) => ({
          sid: x.sid,
          content_type: x.contentType,
          filename: x.filename,
          size: x.size,
        }))
      : null,
    attributes: '{}',
    participant_sid: null,
    date_created: m.dateCreated.toISOString(),
    date_updated: null,
    delivery: m.delivery
      ? {
          total: 1,
          sent: 'all',
          delivered: m.delivery === 'sent' ? 'none' : 'all',
          read: 'none',
          failed: 'none',
          undelivered: 'none',
        }
      : null,
    url,
    links: { delivery_receipts: `${url}/Receipts` },
    content_sid: m.contentSid,
  };
}

/** The Conversations REST subset the server uses: read a conversation, close it, post and list messages. */
export function restConversationsRoutes(
  engine: TConversationsEngine,
  accountSid: string,
): FastifyPluginAsync {
  const find = (params: TParams, reply: FastifyReply) => {
    const c = engine.conversations.get(params.ConversationSid ?? params.Sid ?? '');
    if (!c || c.serviceSid !== params.ChatServiceSid) {
      void twilioError(reply, 404, 20404, 'The requested resource was not found');
      return null;
    }
    return c;
  };
  return async (app) => {
    app.get<{ Params: TParams }>(`${PREFIX}/:Sid`, async (request, reply) => {
      const c = find(request.params, reply);
      return c ? conversationJson(accountSid, c) : reply;
    });

    app.post<{ Params: TParams }>(`${PREFIX}/:Sid`, async (request, reply) => {
      const c = find(request.params, reply);
      if (!c) return reply;
      const state = one(form(request).State);
      if (state === 'closed' || state === 'active') c.state = state;
      else if (state !== undefined) return twilioError(reply, 400, 50353, 'Invalid State');
      c.updatedAt = new Date();
      return conversationJson(accountSid, c);
    });

    app.post<{ Params: TParams }>(`${PREFIX}/:ConversationSid/Messages`, async (request, reply) => {
      const c = find(request.params, reply);
      if (!c) return reply;
      if (c.state === 'closed') return twilioError(reply, 409, 50434, 'Conversation is closed');
      const f = form(request);
      const body = one(f.Body) ?? null;
      const contentSid = one(f.ContentSid) ?? null;
      if (!body && !contentSid)
        return twilioError(reply, 400, 50008, 'Body, MediaSid or ContentSid required');
      const message = engine.serverWrites(c, {
        author: one(f.Author) ?? 'system',
        body: contentSid ? null : body,
        contentSid,
      });
      return reply.status(201).send(chatMessageJson(accountSid, c, message));
    });

    app.get<{ Params: TParams }>(`${PREFIX}/:ConversationSid/Messages`, async (request, reply) => {
      const c = find(request.params, reply);
      if (!c) return reply;
      const url = `${conversationUrl(c)}/Messages`;
      return {
        messages: c.messages.map((m) => chatMessageJson(accountSid, c, m)),
        meta: {
          page: 0,
          page_size: 50,
          first_page_url: `${url}?PageSize=50&Page=0`,
          previous_page_url: null,
          url: `${url}?PageSize=50&Page=0`,
          next_page_url: null,
          key: 'messages',
        },
      };
    });
  };
}
