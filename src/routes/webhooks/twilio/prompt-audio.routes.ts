import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isPromptKey } from '../../../modules/prompts/prompt-catalogue.policy';
import type { TPromptsRepository } from '../../../modules/prompts/prompts.repository';
import { errorBody } from '../../../errors/catalogue';

const ZError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * Prompt audio for `<Play>`. Twilio fetches media without a signature, and prompts hold no
 * personal data, so these are public (and cacheable).
 */
export function promptAudioRoutes(prompts: TPromptsRepository): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/prompts/:hotline/:language/:file',
      {
        config: { rateLimit: false, twilioSignature: false },
        schema: {
          params: z.object({
            hotline: z.string().regex(/^\d{3,8}$/),
            language: z.string().regex(/^[a-z]{2,3}$/),
            file: z.string().regex(/^[a-z0-9-]+\.wav$/),
          }),
          response: { 200: z.any().describe('audio'), 404: ZError },
          tags: ['twilio'],
          summary: 'Prompt audio played to callers',
        },
      },
      async (request, reply) => {
        const prompt = request.params.file.replace(/\.wav$/, '');
        if (!isPromptKey(prompt)) return reply.status(404).send(errorBody('NOT_FOUND'));
        const audio = await prompts.get(request.params.hotline, prompt, request.params.language);
        return reply
          .header('cache-control', 'public, max-age=300')
          .type(audio.contentType)
          .send(audio.audio);
      },
    );
  };
}
