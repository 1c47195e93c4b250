import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CHAT_TEXT_MAX,
  ZChatConversation,
  ZChatMessage,
  ZCounsellorEndReason,
} from '../../../contracts/chat';
import {
  endChat,
  myChats,
  readChat,
  replyToChat,
  waitingChats,
  type TChatDeskDeps,
} from '../../../modules/chat/chat-desk.service';
import { ZChatTransferTargets } from '../../../contracts/api/chat-transfer';
import { chatTransferTargets, transferChat } from '../../../modules/chat/chat-transfer.service';
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
    '/chats/mine',
    {
      config: { permission: 'chat.list' },
      schema: {
        tags,
        summary: 'The chats the counsellor holds now',
        response: { 200: z.object({ chats: z.array(ZChatConversation) }), ...errors },
      },
    },
    async (request) => ({ chats: await myChats(deps(), request.actor) }),
  );

  app.get(
    '/chats/:id/transfer-targets',
    {
      config: { permission: 'chat.reply' },
      schema: {
        tags,
        summary: 'Where she may hand a chat she holds: language queues of hotlines she serves',
        params: ZId,
        response: { 200: ZChatTransferTargets, ...errors },
      },
    },
    async (request) => ({
      targets: await chatTransferTargets(deps(), request.actor, request.params.id),
    }),
  );

  app.post(
    '/chats/:id/transfer',
    {
      config: { permission: 'chat.reply' },
      schema: {
        tags,
        summary: 'Hand the chat to another hotline or language, or back to the queue',
        params: ZId,
        body: z.object({
          to: z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('queue') }),
            z.object({
              kind: z.literal('hotline'),
              hotline: z.string().regex(/^\d{3,6}$/),
              language: z.string().regex(/^[a-z]{2,3}$/),
            }),
          ]),
        }),
        response: { 200: z.object({ conversation: ZChatConversation }), ...errors },
      },
    },
    async (request) => {
      const { to } = request.body;
      const target = to.kind === 'queue' ? null : { hotline: to.hotline, language: to.language };
      return {
        conversation: await transferChat(deps(), request.actor, request.params.id, target),
      };
    },
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
      schema: {
        tags,
        params: ZId,
        body: z.object({ reason: ZCounsellorEndReason.nullish() }).nullish(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await endChat(deps(), request.actor, request.params.id, request.body?.reason ?? null);
      return reply.status(204).send(null);
    },
  );
};
