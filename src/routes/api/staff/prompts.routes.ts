import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors/catalogue';
import {
  isPlausibleAudio,
  isPromptContentType,
  MAX_PROMPT_BYTES,
} from '../../../modules/prompts/prompt-audio.policy';
import {
  HOTLINE_LANGUAGES,
  PROMPTS,
  isPromptKey,
} from '../../../modules/prompts/prompt-catalogue.policy';
import { promptReadiness } from '../../../modules/prompts/prompt-readiness.service';
import { requireHotline as requireHotlineOf } from '../../../modules/hotlines/hotline-admin.service';
import { ZPromptList } from '../../../contracts/api/prompts';
import { ZErrorBody } from '../../error.schema';
import { promptVersionRoutes } from './prompt-versions.routes';

const AUDIO_TYPES = ['audio/wav', 'audio/x-wav', 'audio/mpeg'];
const ZParams = z.object({ number: z.string().regex(/^\d{3,8}$/) });
const ZPromptParams = ZParams.extend({
  language: z.enum(HOTLINE_LANGUAGES),
  prompt: z.string().refine(isPromptKey, 'unknown prompt'),
});
/**
 * Administrators replace the recorded IVR prompts (per hotline, prompt and language). Prompts
 * not uploaded yet play the generated placeholder tone.
 */
export const promptRoutes: FastifyPluginAsyncZod = async (app) => {
  const library = app.services.promptLibrary;
  app.addContentTypeParser(
    AUDIO_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_PROMPT_BYTES },
    (_req, body, done) => done(null, body),
  );

  const requireHotline = (number: string) => requireHotlineOf(app.deps, number);

  app.get(
    '/hotlines/:number/prompts',
    {
      config: { permission: 'hotline.manage' },
      schema: {
        params: ZParams,
        response: { 200: ZPromptList, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody },
        tags: ['admin'],
        summary: 'Prompts of a hotline and which have recordings',
      },
    },
    async (request) => {
      await requireHotline(request.params.number);
      const [uploaded, [readiness]] = await Promise.all([
        library.listUploaded(request.params.number),
        promptReadiness(app.deps.db, request.params.number),
      ]);
      return {
        missing: readiness?.missing ?? [],
        prompts: [...PROMPTS],
        languages: [...HOTLINE_LANGUAGES],
        uploaded: uploaded.map((u) => ({ ...u, updatedAt: u.updatedAt.toISOString() })),
      };
    },
  );

  app.put(
    '/hotlines/:number/prompts/:language/:prompt',
    {
      config: { permission: 'hotline.manage', bodyTypes: AUDIO_TYPES },
      schema: {
        params: ZPromptParams,
        response: {
          204: z.null(),
          400: ZErrorBody,
          401: ZErrorBody,
          403: ZErrorBody,
          404: ZErrorBody,
          415: ZErrorBody,
        },
        tags: ['admin'],
        summary: 'Replace one prompt recording (body: audio/wav or audio/mpeg)',
      },
    },
    async (request, reply) => {
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      const audio = request.body;
      if (!isPromptContentType(contentType) || !Buffer.isBuffer(audio))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      if (!isPlausibleAudio(contentType, audio))
        throw new AppError('VALIDATION_FAILED', {
          details: [{ path: '/body', message: 'not a playable audio file' }],
        });
      await requireHotline(request.params.number);
      const { number: hotline, language, prompt } = request.params;
      await library.uploadApproved(
        { hotline, language, prompt, contentType, audio },
        request.actor.userId,
      );
      return reply.status(204).send(null);
    },
  );

  promptVersionRoutes(app, {
    params: ZPromptParams,
    audioTypes: AUDIO_TYPES,
    library,
    requireHotline,
  });
};
