import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors/catalogue';
import { recordAudit } from '../../../modules/audit/audit.repository';
import { isPlausibleAudio } from '../../../modules/prompts/prompt-audio.policy';
import { promptVersionsRepository } from '../../../modules/prompts/prompt-versions.repository';
import {
  isPromptContentType,
  type TPromptsRepository,
} from '../../../modules/prompts/prompts.repository';
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
    prompts: TPromptsRepository;
    requireHotline: (number: string) => Promise<void>;
  },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const versions = promptVersionsRepository(app.deps.db);
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
      const saved = await versions.add({
        ...slotOf(request.params),
        contentType,
        audio,
        source: 'recorded',
        createdBy: request.actor.userId,
        approved: false,
      });
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
      const rows = await versions.list(slotOf(request.params));
      const approved = rows.filter((v) => v.approvedAt);
      const live = approved.sort(
        (a, b) => (b.approvedAt?.getTime() ?? 0) - (a.approvedAt?.getTime() ?? 0),
      )[0];
      return {
        versions: rows.map((v) => ({
          version: v.version,
          source: v.source,
          createdAt: v.createdAt.toISOString(),
          approvedAt: v.approvedAt?.toISOString() ?? null,
          live: v.version === live?.version,
        })),
      };
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
      const row = await versions.get(slotOf(request.params), request.params.version);
      if (!row) throw new AppError('NOT_FOUND');
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
      const slot = slotOf(request.params);
      const row = await versions.get(slot, request.params.version);
      if (!row || !isPromptContentType(row.contentType)) throw new AppError('NOT_FOUND');
      await options.prompts.put({ ...slot, contentType: row.contentType, audio: row.audio });
      await versions.markApproved(row.id, request.actor.userId);
      await app.deps.db.transaction((tx) =>
        recordAudit(tx, app.deps.config, {
          actorId: request.actor.userId,
          action: 'hotline.settings_changed',
          entityType: 'hotline',
          entityId: slot.hotline,
          data: {
            fields: ['prompt'],
            prompt: slot.prompt,
            language: slot.language,
            version: row.version,
          },
        }),
      );
      return reply.status(204).send(null);
    },
  );
}
