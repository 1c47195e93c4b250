import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CHAT_TEXT_MAX, ZChatConversation, ZChatMessage } from '../../../contracts/chat';
import {
  endChat,
  readChat,
  replyToChat,
  waitingChats,
  type TChatDeskDeps,
} from '../../../modules/chat/chat-desk.service';
import { ZErrorBody } from '../../error.schema';

const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  422: ZErrorBody,
  502: ZErrorBody,
};
const ZId = z.object({ id: z.uuid() });
const tags = ['chat'];

/** The desk's chat: what waits, a conversation (audited read), a reply, ending it. */
export const chatRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): TChatDeskDeps => ({
    chat: app.services.chat,
    db: app.deps.db,
    config: app.deps.config,
  });

  app.get(
    '/chats/waiting',
    {
      config: { permission: 'chat.list' },
      schema: {
        tags,
        summary: 'Chats waiting for a counsellor (unroutable ones included)',
        response: { 200: z.object({ chats: z.array(ZChatConversation) }), ...errors },
      },
    },
    async (request) => ({ chats: await waitingChats(deps(), request.actor) }),
  );

  app.get(
    '/chats/:id',
    {
      config: { permission: 'chat.view' },
      schema: {
        tags,
        params: ZId,
        response: {
          200: z.object({ conversation: ZChatConversation, messages: z.array(ZChatMessage) }),
          ...errors,
        },
      },
    },
    async (request) => readChat(deps(), request.actor, request.params.id),
  );

  app.post(
    '/chats/:id/messages',
    {
      config: { permission: 'chat.reply' },
      schema: {
        tags,
        params: ZId,
        body: z.object({
          text: z.string().trim().min(1).max(CHAT_TEXT_MAX),
          templateKey: z.string().max(64).nullable().default(null),
        }),
        response: {
          201: z.object({ messageId: z.string(), providerMessageId: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const sent = await replyToChat(deps(), request.actor, request.params.id, request.body);
      return reply
        .status(201)
        .send({ messageId: sent.messageId, providerMessageId: sent.providerMessageId });
    },
  );

  app.post(
    '/chats/:id/end',
    {
      config: { permission: 'chat.reply' },
      schema: { tags, params: ZId, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await endChat(deps(), request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
