import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCannedReplyList,
  ZChannelConfigList,
  ZChatAttachmentList,
  ZWebchatBlockList,
} from '../../../contracts/api/chat-settings';
import { ZCannedReply, ZCannedReplyInput, cannedReplyLanguages } from '../../../contracts/chat';
import { ZHotlineNumber } from '../../../contracts/webchat';
import {
  cannedRepliesOf,
  changeCannedReply,
  createCannedReply,
  removeCannedReply,
} from '../../../modules/chat/canned-replies.service';
import {
  downloadChatAttachment,
  listChatAttachments,
} from '../../../modules/chat/chat-attachments-desk.service';
import { channelConfigsFor } from '../../../modules/chat/chat-channels.service';
import type { TChatDeskDeps } from '../../../modules/chat/chat-desk.service';
import { runningWebVisitorBlocks } from '../../../modules/webchat/webchat-block.service';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const ZHotline = z.object({ hotline: ZHotlineNumber });

/** RFC 6266: an ASCII fallback and the real (possibly Lao) name, UTF-8 encoded. */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * The chat's extras: a conversation's files (listed, and downloaded only when asked), canned
 * replies per hotline and language, a hotline's channel configuration, and the web chat blocks
 * that are running.
 */
export const chatSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deskDeps = (): TChatDeskDeps => ({
    chat: app.services.chat,
    db: app.deps.db,
    config: app.deps.config,
  });

  app.get(
    '/chats/:id/attachments',
    {
      config: { permission: 'chat.view' },
      schema: {
        tags: ['chat'],
        summary: "A conversation's files, described (never opened); audited",
        params: z.object({ id: z.uuid() }),
        response: { 200: ZChatAttachmentList, ...errors },
      },
    },
    async (request) => ({
      attachments: await listChatAttachments(deskDeps(), request.actor, request.params.id),
    }),
  );

  app.get(
    '/chats/:id/attachments/:attachmentId/download',
    {
      config: { permission: 'chat.view' },
      schema: {
        tags: ['chat'],
        summary: 'One file, as a download (never shown inline); audited',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        response: { 200: z.any().describe('The file'), 409: ZErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const { bytes, view } = await downloadChatAttachment(
        deskDeps(),
        request.actor,
        request.params.id,
        request.params.attachmentId,
      );
      const name = view.filename ?? `attachment-${view.id.slice(0, 8)}`;
      // octet-stream, nosniff and a sandbox: no browser renders or runs it by itself.
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', disposition(name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'no-store')
        .header('x-attachment-content-type', view.contentType)
        .header('x-attachment-sha256', view.sha256 ?? '')
        .send(bytes);
    },
  );

  app.get(
    '/canned-replies/:hotline',
    {
      config: { permission: 'canned-reply.view' },
      schema: {
        tags: ['chat'],
        params: ZHotline,
        querystring: z.object({ language: z.enum(cannedReplyLanguages).optional() }),
        response: { 200: ZCannedReplyList, ...errors },
      },
    },
    async (request) => ({
      replies: await cannedRepliesOf(
        app.deps,
        request.actor,
        request.params.hotline,
        request.query.language,
      ),
    }),
  );

  app.post(
    '/canned-replies/:hotline',
    {
      config: { permission: 'canned-reply.manage' },
      schema: {
        tags: ['chat'],
        params: ZHotline,
        body: ZCannedReplyInput,
        response: { 201: ZCannedReply, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createCannedReply(app.deps, request.actor, request.params.hotline, request.body),
        ),
  );

  app.put(
    '/canned-replies/:hotline/:id',
    {
      config: { permission: 'canned-reply.manage' },
      schema: {
        tags: ['chat'],
        params: ZHotline.extend({ id: z.uuid() }),
        body: ZCannedReplyInput,
        response: { 200: ZCannedReply, ...errors },
      },
    },
    async (request) =>
      changeCannedReply(
        app.deps,
        request.actor,
        request.params.hotline,
        request.params.id,
        request.body,
      ),
  );

  app.delete(
    '/canned-replies/:hotline/:id',
    {
      config: { permission: 'canned-reply.manage' },
      schema: {
        tags: ['chat'],
        params: ZHotline.extend({ id: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeCannedReply(app.deps, request.actor, request.params.hotline, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/chat-channels/:hotline',
    {
      config: { permission: 'hotline.view' },
      schema: {
        tags: ['chat'],
        summary: 'Which channels and addresses a hotline serves (its public addresses)',
        params: ZHotline,
        response: { 200: ZChannelConfigList, ...errors },
      },
    },
    async (request) => ({
      channels: await channelConfigsFor(app.deps, request.actor, request.params.hotline),
    }),
  );

  app.get(
    '/webchat/blocks',
    {
      config: { permission: 'webchat.blocks.view' },
      schema: {
        tags: ['webchat'],
        summary: 'Web chat blocks still running (the visitor is known only by a keyed hash)',
        response: { 200: ZWebchatBlockList, ...errors },
      },
    },
    async (request) => ({ blocks: await runningWebVisitorBlocks(app.deps, request.actor) }),
  );
};
