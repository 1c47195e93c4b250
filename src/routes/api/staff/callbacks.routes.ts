import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  callbackFromMissed,
  completeCallback,
  listCallbacks,
  revealCodeWord,
  takeCallback,
} from '../../../modules/callbacks/callbacks.service';
import { placeCallback } from '../../../modules/callbacks/callback-dial.service';
import { startOfDayVientiane } from '../../../modules/routing/figures.service';
import {
  ZCallbackSafety as ZSafety,
  ZCallbackTask,
  ZListedCallbackTask,
  ZMissedCall,
  ZRevealedCodeWord,
} from '../../../contracts/callbacks';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
// The services hand Dates; JSON carries them as the contract's ISO strings.
const ZTask = ZCallbackTask.extend({ createdAt: z.date() });
const ZListedTask = ZListedCallbackTask.extend({
  createdAt: z.date(),
  safeFrom: z.date().nullable(),
  safeUntil: z.date().nullable(),
});
const ZMissed = ZMissedCall.extend({
  enqueuedAt: z.date().nullable(),
  leftQueueAt: z.date().nullable(),
});
const ZId = z.object({ id: z.string().uuid() });
const ZCallSid = z.object({ callSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/) });
const tags = ['callbacks'];

/**
 * Call-backs and missed calls. Nothing is dialled automatically: a counsellor takes a task,
 * reads the safety fields from earlier contacts, then places the call (hotline number shown).
 */
export const callbackRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => app.services.callbacks;

  app.get(
    '/callbacks',
    {
      config: { permission: 'callback.list' },
      schema: {
        tags,
        response: {
          200: z.object({
            tasks: z.array(ZListedTask),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({ tasks: await listCallbacks(deps(), request.actor) }),
  );

  app.post(
    '/callbacks/:id/code-word',
    {
      config: { permission: 'callback.take' },
      schema: {
        tags,
        params: ZId,
        response: { 200: ZRevealedCodeWord, ...errors },
      },
    },
    async (request) => revealCodeWord(deps(), request.actor, request.params.id),
  );

  app.get(
    '/missed-calls',
    {
      config: { permission: 'missed-call.list' },
      schema: {
        tags,
        response: {
          200: z.object({
            calls: z.array(ZMissed),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      calls: await deps().repo.missedCalls(request.actor.hotlines, startOfDayVientiane(new Date())),
    }),
  );

  app.post(
    '/missed-calls/:callSid/callback',
    {
      config: { permission: 'callback.take' },
      schema: { tags, params: ZCallSid, response: { 201: ZTask, 409: ZErrorBody, ...errors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await callbackFromMissed(deps(), request.actor, request.params.callSid)),
  );

  app.post(
    '/callbacks/:id/take',
    {
      config: { permission: 'callback.take' },
      schema: {
        tags,
        params: ZId,
        response: { 200: z.object({ task: ZTask, safety: ZSafety }), 409: ZErrorBody, ...errors },
      },
    },
    async (request) => takeCallback(deps(), request.actor, request.params.id),
  );

  app.post(
    '/callbacks/:id/place',
    {
      config: { permission: 'callback.take' },
      schema: {
        tags,
        params: ZId,
        response: {
          // legSid: the counsellor's own leg; the caller is dialled once she answers it.
          200: z.object({ taskId: z.string(), legSid: z.string(), conferenceName: z.string() }),
          409: ZErrorBody,
          502: ZErrorBody,
          ...errors,
        },
      },
    },
    async (request) => placeCallback(deps(), request.actor, request.params.id),
  );

  app.post(
    '/callbacks/:id/complete',
    {
      config: { permission: 'callback.take' },
      schema: {
        tags,
        params: ZId,
        body: z.object({ outcome: z.enum(['reached', 'not-reached', 'unsafe', 'cancelled']) }),
        response: { 200: ZTask, ...errors },
      },
    },
    async (request) =>
      completeCallback(deps(), request.actor, request.params.id, request.body.outcome),
  );
};
