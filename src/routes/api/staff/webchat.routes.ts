import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZWebchatBlock, ZWebchatOrigins } from '../../../contracts/api/chat-settings';
import { ZHotlineNumber } from '../../../contracts/webchat';
import { webchatBlockReasons } from '../../../modules/webchat/webchat-block.service';
import {
  setWebchatOrigins,
  webchatOriginsOf,
} from '../../../modules/webchat/webchat-origins.service';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

/** An origin exactly as a browser sends it: https (http only for a site on this machine). */
const ZOrigin = z
  .string()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      const local = ['localhost', '127.0.0.1'].includes(url.hostname);
      return url.origin === value && (url.protocol === 'https:' || local);
    } catch {
      return false;
    }
  }, 'must be an https origin such as https://partner.example');

const ZConversationRef = z.string().regex(/^wv_[A-Za-z0-9_-]{22}$/);

/** The block just made: the admin list's row, less when it was made. */
const ZBlock = ZWebchatBlock.omit({ createdAt: true });

/**
 * /api/staff/webchat: what a visitor answered before the chat, blocking an abusive visitor (a
 * counsellor or supervisor, from the chat itself), lifting a block, and the partner sites allowed
 * to embed each hotline's chat.
 */
export const webchatRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['webchat'];

  app.post(
    '/webchat/blocks',
    {
      config: { permission: 'webchat.block' },
      schema: {
        tags,
        body: z
          .object({
            /** The chat module's conversation id (the desk's), or the web chat's own ref. */
            conversationId: z.uuid().optional(),
            conversationRef: ZConversationRef.optional(),
            reason: z.enum(webchatBlockReasons),
            /** A day unless said otherwise, at most thirty: an address may be shared by many. */
            hours: z.number().int().min(1).max(720).default(24),
          })
          .refine((b) => !b.conversationId !== !b.conversationRef, 'name one conversation'),
        response: { 201: ZBlock, ...errors },
      },
    },
    async (request, reply) => {
      const { conversationId, conversationRef, reason, hours } = request.body;
      const row = conversationId ? await app.chat.repository.conversation(conversationId) : null;
      const ref = row?.provider === 'web' ? row.providerRef : (conversationRef ?? '');
      const block = await app.webchat.block(request.actor, { conversationRef: ref, reason, hours });
      return reply.status(201).send({ ...block, expiresAt: block.expiresAt.toISOString() });
    },
  );

  app.get(
    '/webchat/visitors/:conversationRef',
    {
      config: { permission: 'contact.view' },
      schema: {
        tags,
        params: z.object({ conversationRef: ZConversationRef }),
        response: {
          200: z.object({
            name: z.string().nullable(),
            safeToTalk: z.boolean(),
            language: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request) => app.webchat.visitor(request.actor, request.params.conversationRef),
  );

  app.delete(
    '/webchat/blocks/:id',
    {
      config: { permission: 'webchat.unblock' },
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await app.webchat.lift(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/webchat/origins/:hotline',
    {
      config: { permission: 'hotline.view' },
      schema: {
        tags,
        params: z.object({ hotline: ZHotlineNumber }),
        response: { 200: ZWebchatOrigins, ...errors },
      },
    },
    async (request) => ({
      origins: await webchatOriginsOf(app.deps, request.actor, request.params.hotline),
    }),
  );

  app.put(
    '/webchat/origins/:hotline',
    {
      config: { permission: 'hotline.manage' },
      schema: {
        tags,
        params: z.object({ hotline: ZHotlineNumber }),
        body: z.object({ origins: z.array(ZOrigin).max(50) }),
        response: { 200: ZWebchatOrigins, ...errors },
      },
    },
    async (request) => {
      const origins = await setWebchatOrigins(
        app.deps,
        request.actor,
        request.params.hotline,
        request.body.origins,
      );
      app.webchat.originsChanged();
      return { origins };
    },
  );
};
