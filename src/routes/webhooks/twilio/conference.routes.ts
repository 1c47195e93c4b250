import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard } from '../../../infra/store-guard';
import { counsellorLegStatus } from '../../../modules/voice/conference/bridge.service';
import { ZTwilioVoiceBody } from './twiml-reply';

const ZParticipantQuery = z.object({
  callSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/),
  userId: z.string().uuid(),
});

/**
 * Status of a counsellor's conference leg: no answer puts the caller back in line at the same
 * place; the counsellor leaving ends the call and starts wrap-up. Always 204: Twilio retries
 * nothing here, and routing's sweep covers what a lost callback would leave behind. Answered
 * within the webhook deadline even while Redis fails over (its commands then wait for the new
 * master): the change goes on being written after the answer.
 */
export const conferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const deadline = app.deps.config.WEBHOOK_DEADLINE_MS - 100;
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
      const written = await guard(
        () =>
          counsellorLegStatus(app.liveRouting, {
            userId: request.query.userId,
            callSid: request.query.callSid,
            status: request.body.CallStatus,
          }).catch((err: unknown) => request.log.error({ err }, 'counsellor leg status failed')),
        deadline,
      );
      if (!written.ok)
        request.log.warn({ deadline }, 'counsellor leg status answered before written');
      return reply.status(204).send(null);
    },
  );
};
