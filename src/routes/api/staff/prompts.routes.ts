import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hotlines } from '../../../../db/schema/hotlines';
import { AppError } from '../../../errors/catalogue';
import { isPlausibleAudio, MAX_PROMPT_BYTES } from '../../../modules/prompts/prompt-audio.policy';
import {
  HOTLINE_LANGUAGES,
  PROMPTS,
  isPromptKey,
} from '../../../modules/prompts/prompt-catalogue.policy';
import {
  isPromptContentType,
  promptsRepository,
} from '../../../modules/prompts/prompts.repository';
import { recordAudit } from '../../../modules/audit/audit.repository';
import { promptReadiness } from '../../../modules/prompts/prompt-readiness.service';
import { ZPromptList } from '../../../contracts/api/prompts';
import { ZErrorBody } from '../../error.schema';
import { promptVersionRoutes } from './prompt-versions.routes';
import { promptVersionsRepository } from '../../../modules/prompts/prompt-versions.repository';

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
  const prompts = promptsRepository(app.deps.db);
  app.addContentTypeParser(
    AUDIO_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_PROMPT_BYTES },
    (_req, body, done) => done(null, body),
  );

  const requireHotline = async (number: string) => {
    const [row] = await app.deps.db
      .select({ number: hotlines.number })
      .from(hotlines)
      .where(eq(hotlines.number, number))
      .limit(1);
    if (!row) throw new AppError('NOT_FOUND');
  };

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
        prompts.listUploaded(request.params.number),
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
      await prompts.put({ hotline, language, prompt, contentType, audio });
      // A file uploaded directly is approved as it is, and kept among the prompt's versions.
      await promptVersionsRepository(app.deps.db).add({
        hotline,
        language,
        prompt,
        contentType,
        audio,
        source: 'uploaded',
        createdBy: request.actor.userId,
        approved: true,
      });
      // Audited once stored: the recording is not personal data and the repository owns its cache.
      await app.deps.db.transaction((tx) =>
        recordAudit(tx, app.deps.config, {
          actorId: request.actor.userId,
          action: 'hotline.settings_changed',
          entityType: 'hotline',
          entityId: hotline,
          data: { fields: ['prompt'], prompt, language },
        }),
      );
      return reply.status(204).send(null);
    },
  );

  promptVersionRoutes(app, {
    params: ZPromptParams,
    audioTypes: AUDIO_TYPES,
    prompts,
    requireHotline,
  });
};
