import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  holdInTwilioQueueTwiml,
  waitChoiceTwiml,
  waitTwiml,
} from '../../../modules/voice/ivr-twiml.policy';
import { rememberedHotline, type TVoiceDeps } from '../../../modules/voice/voice.context';
import { callbackStep } from '../../../modules/voice/callback-ivr.service';
import { callbackSteps, keepWaitingTwiml } from '../../../modules/voice/callback-ivr.twiml.policy';
import {
  queueLeft,
  requeueCaller,
  waitChoice,
  waitRound,
} from '../../../modules/voice/voice-queue.service';
import { ZHotlineQuery, ZLanguage, ZTwilioVoiceBody, ZTwiml, replyTwiml } from './twiml-reply';

const common = { body: ZTwilioVoiceBody, response: { 200: ZTwiml }, tags: ['twilio'] };
const ZQueueQuery = ZHotlineQuery.extend({ lang: ZLanguage });

/** The queue: wait loop (position, estimate, call-back offer), leaving the queue, re-entering it. */
export function voiceQueueRoutes(deps: TVoiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const deadline = deps.config.WEBHOOK_DEADLINE_MS - 100;
    const config = { rateLimit: false as const };

    app.post(
      '/voice/wait',
      {
        config,
        schema: {
          ...common,
          querystring: ZQueueQuery,
          summary: 'Enqueue waitUrl: one round of hold',
        },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => waitRound(deps, request.query.hotline, request.query.lang, request.body),
          () => waitTwiml(rememberedHotline(deps, request.query.hotline), request.query.lang, null),
        ),
    );

    app.post(
      '/voice/wait-choice',
      {
        config,
        schema: { ...common, querystring: ZQueueQuery, summary: 'A key pressed while waiting' },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => waitChoice(deps, request.query.hotline, request.query.lang, request.body),
          () =>
            waitChoiceTwiml(
              rememberedHotline(deps, request.query.hotline),
              request.query.lang,
              false,
            ),
        ),
    );

    app.post(
      '/voice/callback-step',
      {
        config,
        schema: {
          ...common,
          querystring: ZQueueQuery.extend({
            step: z.enum(callbackSteps),
            attempt: z.coerce.number().int().min(0).max(5),
            kind: z.enum(['any', 'until', 'from']).optional(),
            hour: z.coerce.number().int().min(0).max(23).optional(),
          }),
          summary: 'The call-back dialog: safe time, hour, number, keyed number',
        },
      },
      (request, reply) => {
        const { hotline, lang, step, attempt, kind, hour } = request.query;
        const dialog = {
          language: lang,
          attempt,
          ...(kind ? { kind } : {}),
          ...(hour !== undefined ? { hour } : {}),
        };
        return replyTwiml(
          request,
          reply,
          deadline,
          () => callbackStep(deps, hotline, step, dialog, request.body),
          // Too slow to book: the caller keeps waiting at their place (nothing lost).
          () => keepWaitingTwiml(rememberedHotline(deps, hotline), lang),
        );
      },
    );

    app.post(
      '/voice/queue-result',
      {
        config,
        schema: {
          ...common,
          querystring: ZQueueQuery,
          body: ZTwilioVoiceBody.extend({ QueueResult: z.string().max(40).optional() }),
          summary: 'Enqueue action: how the caller left the queue',
        },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => queueLeft(deps, request.query.hotline, request.query.lang, request.body),
          () => '<?xml version="1.0" encoding="UTF-8"?><Response/>',
        ),
    );

    app.post(
      '/voice/requeue',
      {
        config,
        schema: {
          ...common,
          querystring: ZQueueQuery,
          summary: 'Back into the queue, keeping the place',
        },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => requeueCaller(deps, request.query.hotline, request.query.lang, request.body),
          () =>
            holdInTwilioQueueTwiml(
              rememberedHotline(deps, request.query.hotline),
              request.query.lang,
            ),
        ),
    );
  };
}
