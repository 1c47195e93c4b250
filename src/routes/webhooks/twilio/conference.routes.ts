import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { counsellorLegStatus } from '../../../modules/voice/conference/bridge.service';
import { ZTwilioVoiceBody } from './twiml-reply';

const ZParticipantQuery = z.object({
  callSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/),
  userId: z.string().uuid(),
});

/**
 * Status of a counsellor's conference leg: no answer puts the caller back in line at the same
 * place; the counsellor leaving ends the call and starts wrap-up. Always 204: Twilio retries
 * nothing here, and routing's sweep covers what a lost callback would leave behind.
 */
export const conferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/conference/participant',
    {
      config: { rateLimit: false },
      schema: {
        body: ZTwilioVoiceBody.extend({ CallStatus: z.string().max(40) }),
        querystring: ZParticipantQuery,
        response: { 204: z.null() },
        tags: ['twilio'],
        summary: "Status callback of a counsellor's conference leg",
      },
    },
    async (request, reply) => {
      await counsellorLegStatus(app.liveRouting, {
        userId: request.query.userId,
        callSid: request.query.callSid,
        status: request.body.CallStatus,
      }).catch((err: unknown) => request.log.error({ err }, 'counsellor leg status failed'));
      return reply.status(204).send(null);
    },
  );
};
