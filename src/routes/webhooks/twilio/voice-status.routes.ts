import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { statusReceived } from '../../../modules/voice/voice-status.service';
import type { TVoiceDeps } from '../../../modules/voice/voice.context';
import { ZTwilioVoiceBody, ZTwiml, replyTwiml } from './twiml-reply';

const EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** Status callbacks: logged raw, then through the call state machine. */
export function voiceStatusRoutes(deps: TVoiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const deadline = deps.config.WEBHOOK_DEADLINE_MS - 100;
    app.post(
      '/voice/status',
      {
        config: { rateLimit: false },
        schema: {
          body: ZTwilioVoiceBody,
          querystring: z.object({
            hotline: z
              .string()
              .regex(/^\d{3,8}$/)
              .optional(),
          }),
          response: { 200: ZTwiml },
          tags: ['twilio'],
          summary: 'Call status callback',
        },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          async () => {
            await statusReceived(deps, request.query.hotline, request.body);
            return EMPTY;
          },
          () => EMPTY,
        ),
    );
  };
}
