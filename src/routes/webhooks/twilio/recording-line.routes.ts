import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HOTLINE_LANGUAGES, isPromptKey } from '../../../modules/prompts/prompt-catalogue.policy';
import { recordingMedia } from '../../../modules/telephony/recording-media.provider';
import { recordingLine } from '../../../modules/voice/recording-line/recording-line.service';
import {
  failedTwiml,
  recordingLineUrls,
} from '../../../modules/voice/recording-line/recording-line.twiml';
import { replyTwiml, ZTwilioVoiceBody, ZTwiml } from './twiml-reply';

const common = { body: ZTwilioVoiceBody, response: { 200: ZTwiml }, tags: ['twilio'] };
const ZState = z.object({
  line: z.uuid(),
  user: z.uuid(),
  skip: z.coerce.number().int().min(0).max(10_000),
});
const ZSlot = z.object({
  hotline: z.string().regex(/^\d{3,8}$/),
  lang: z.enum(HOTLINE_LANGUAGES),
  prompt: z.string().refine(isPromptKey, 'unknown prompt'),
});
const slotOf = (q: z.infer<typeof ZSlot>) => ({
  hotline: q.hotline,
  language: q.lang,
  prompt: q.prompt,
});

/**
 * The prompts' recording line (modules/voice/recording-line): the Voice URL of a recording
 * number, and the steps after it. Administrators, not callers in need, so a slower store gets
 * more time than the caller-facing webhooks (Twilio itself waits 15 s).
 */
export const recordingLineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, db, redis } = app.deps;
  const line = recordingLine({
    db,
    redis,
    config,
    keyring: app.voice.keyring,
    library: app.services.promptLibrary,
    media: recordingMedia(config),
    urls: recordingLineUrls(config.PUBLIC_BASE_URL),
  });
  const deadline = Math.max(config.WEBHOOK_DEADLINE_MS, 8000);
  const route = { config: { rateLimit: false as const } };

  app.post(
    '/voice/recording-line',
    { ...route, schema: { ...common, summary: 'A call reaches the prompts’ recording line' } },
    (request, reply) =>
      replyTwiml(request, reply, deadline, () => line.answer(request.body), failedTwiml),
  );
  app.post(
    '/voice/recording-line/pin',
    {
      ...route,
      schema: {
        ...common,
        querystring: z.object({ line: z.uuid(), try: z.coerce.number().int().min(1).max(9) }),
        summary: 'The PIN keyed on the recording line',
      },
    },
    (request, reply) =>
      replyTwiml(
        request,
        reply,
        deadline,
        () => line.pin(request.query.line, request.query.try, request.body),
        failedTwiml,
      ),
  );
  app.post(
    '/voice/recording-line/next',
    { ...route, schema: { ...common, querystring: ZState, summary: 'The next prompt to record' } },
    (request, reply) =>
      replyTwiml(request, reply, deadline, () => line.next(request.query), failedTwiml),
  );
  app.post(
    '/voice/recording-line/recorded',
    {
      ...route,
      schema: {
        ...common,
        querystring: ZState.extend(ZSlot.shape),
        summary: 'A prompt recorded on the line: played back',
      },
    },
    (request, reply) =>
      replyTwiml(
        request,
        reply,
        deadline,
        () => line.recorded(request.query, slotOf(request.query), request.body),
        failedTwiml,
      ),
  );
  app.post(
    '/voice/recording-line/choice',
    {
      ...route,
      schema: {
        ...common,
        querystring: ZState.extend(ZSlot.shape).extend({
          rec: z.string().regex(/^RE[0-9a-fA-F]{32}$/),
        }),
        summary: 'Keep, record again or skip',
      },
    },
    (request, reply) =>
      replyTwiml(
        request,
        reply,
        deadline,
        () => line.choice(request.query, slotOf(request.query), request.query.rec, request.body),
        failedTwiml,
      ),
  );
};
