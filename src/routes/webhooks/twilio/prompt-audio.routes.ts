import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isPromptKey } from '../../../modules/prompts/prompt-catalogue.policy';
import type { TPromptLibrary } from '../../../modules/prompts/prompt-library.service';
import type { TVoiceDeps } from '../../../modules/voice/voice.context';
import { guard } from '../../../infra/store-guard';
import { errorBody } from '../../../errors/catalogue';

const ZError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Whether a call on this hotline can ever ask for a prompt in this language. */
function speaks(hotline: { languages: string[]; defaultLanguage: string }, language: string) {
  return hotline.defaultLanguage === language || hotline.languages.includes(language);
}

/**
 * Prompt audio for `<Play>`. Twilio fetches media without a signature, and prompts hold no
 * personal data, so these are public (and cacheable). Being public, only hotlines and languages
 * that exist are answered (anything else would grow the cache), under a per-address limit.
 */
export function promptAudioRoutes(deps: {
  library: Pick<TPromptLibrary, 'audioFor'>;
  hotlines: TVoiceDeps['hotlines'];
  rateLimitMax: number;
}): FastifyPluginAsyncZod {
  const { library, hotlines } = deps;
  return async (app) => {
    app.get(
      '/prompts/:hotline/:language/:file',
      {
        config: {
          rateLimit: { max: deps.rateLimitMax, timeWindow: '1 minute' },
          twilioSignature: false,
        },
        schema: {
          params: z.object({
            hotline: z.string().regex(/^\d{3,8}$/),
            language: z.string().regex(/^[a-z]{2,3}$/),
            file: z.string().regex(/^[a-z0-9-]+\.wav$/),
          }),
          response: { 200: z.any().describe('audio'), 404: ZError, 429: ZError },
          tags: ['twilio'],
          summary: 'Prompt audio played to callers',
        },
      },
      async (request, reply) => {
        const { hotline: number, language } = request.params;
        const prompt = request.params.file.replace(/\.wav$/, '');
        if (!isPromptKey(prompt)) return reply.status(404).send(errorBody('NOT_FOUND'));
        // With Postgres down a caller still hears the prompts of a hotline this node knows.
        const read = await guard(() => hotlines.get(number), 1000);
        const hotline = read.ok ? read.value : hotlines.lastKnown(number);
        if (!hotline || !speaks(hotline, language))
          return reply.status(404).send(errorBody('NOT_FOUND'));
        const audio = await library.audioFor(number, prompt, language);
        return reply
          .header('cache-control', 'public, max-age=300')
          .type(audio.contentType)
          .send(audio.audio);
      },
    );
  };
}
