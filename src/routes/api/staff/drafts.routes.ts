import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DRAFT_KEY,
  discardDraft,
  loadDraft,
  saveDraft,
} from '../../../modules/drafts/drafts.service';
import { ZDraft, ZDraftFound, ZDraftStored } from '../../../contracts/api/desk';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
const ZKey = z.object({ key: z.string().regex(DRAFT_KEY) });
const tags = ['drafts'];

/**
 * The counsellor's own contact-form drafts, kept encrypted on the server instead of in the
 * browser: a reload or another desk finds the form again; signing out leaves nothing behind.
 */
export const draftRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.get(
    '/drafts/:key',
    {
      config: { permission: 'contact.create' },
      // No draft is the normal start of a form, not an error.
      schema: {
        tags,
        params: ZKey,
        response: { 200: ZDraftFound, ...errors },
      },
    },
    async (request) => ({ draft: await loadDraft(deps, request.actor, request.params.key) }),
  );

  app.put(
    '/drafts/:key',
    {
      config: { permission: 'contact.create' },
      schema: {
        tags,
        params: ZKey,
        body: ZDraft,
        response: { 200: ZDraftStored, 413: ZErrorBody, ...errors },
      },
    },
    async (request) => saveDraft(deps, request.actor, request.params.key, request.body),
  );

  app.delete(
    '/drafts/:key',
    {
      config: { permission: 'contact.create' },
      schema: { tags, params: ZKey, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await discardDraft(deps, request.actor, request.params.key);
      return reply.status(204).send(null);
    },
  );
};
