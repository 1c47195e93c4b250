import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors/catalogue';
import {
  isPlausibleAudio,
  isPromptContentType,
} from '../../../modules/prompts/prompt-audio.policy';
import type { TPromptLibrary } from '../../../modules/prompts/prompt-library.service';
import { ZPromptVersions } from '../../../contracts/api/prompts';
import { ZErrorBody } from '../../error.schema';

const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  415: ZErrorBody,
};

/**
 * Versions of one prompt: a recording made in the browser is saved as a draft, listened to, and
 * approved (only then do callers hear it); every earlier version stays and can be approved again.
 * Registered inside the prompts plugin, which parses the audio bodies.
 */
export function promptVersionRoutes(
  app: FastifyInstance,
  options: {
    params: z.ZodType<{ number: string; language: string; prompt: string }>;
    audioTypes: string[];
    library: TPromptLibrary;
    requireHotline: (number: string) => Promise<void>;
  },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { library } = options;
  const ZVersionParams = options.params.and(
    z.object({ version: z.coerce.number().int().min(1).max(1_000_000) }),
  );
  const slotOf = (p: { number: string; language: string; prompt: string }) => ({
    hotline: p.number,
    language: p.language,
    prompt: p.prompt,
  });

  r.post(
    '/hotlines/:number/prompts/:language/:prompt/versions',
    {
      config: { permission: 'hotline.manage', bodyTypes: options.audioTypes },
      schema: {
        params: options.params,
        response: { 201: z.object({ version: z.number() }), ...errors },
        tags: ['admin'],
        summary: 'Save a recording as a draft version (callers hear it once approved)',
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
      await options.requireHotline(request.params.number);
      const saved = await library.saveDraft(
        { ...slotOf(request.params), contentType, audio },
        request.actor.userId,
      );
      return reply.status(201).send({ version: saved.version });
    },
  );

  r.get(
    '/hotlines/:number/prompts/:language/:prompt/versions',
    {
      config: { permission: 'hotline.manage' },
      schema: {
        params: options.params,
        response: { 200: ZPromptVersions, ...errors },
        tags: ['admin'],
        summary: "A prompt's versions, newest first, and which one callers hear",
      },
    },
    async (request) => {
      await options.requireHotline(request.params.number);
      return { versions: await library.listVersions(slotOf(request.params)) };
    },
  );

  r.get(
    '/hotlines/:number/prompts/:language/:prompt/versions/:version/audio',
    {
      config: { permission: 'hotline.manage' },
      schema: {
        // No response schema: the answer is the audio itself (errors keep the catalogue shape).
        params: ZVersionParams,
        tags: ['admin'],
        summary: 'Listen to one version (drafts included)',
      },
    },
    async (request, reply) => {
      const row = await library.versionAudio(slotOf(request.params), request.params.version);
      return reply.type(row.contentType).send(row.audio);
    },
  );

  r.post(
    '/hotlines/:number/prompts/:language/:prompt/versions/:version/approve',
    {
      config: { permission: 'hotline.manage' },
      schema: {
        params: ZVersionParams,
        response: { 204: z.null(), ...errors },
        tags: ['admin'],
        summary: 'Approve a version: callers hear it from the next call',
      },
    },
    async (request, reply) => {
      await library.approve(slotOf(request.params), request.params.version, request.actor.userId);
      return reply.status(204).send(null);
    },
  );
}
