import twilio from 'twilio';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conferenceFor } from '../../../modules/routing/bridge.service';
import { ZTwilioVoiceBody, ZTwiml } from './twiml-reply';

const ZBridgeQuery = z.object({
  callSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/),
  userId: z.string().uuid(),
});

/**
 * Where an accepted caller is sent when dequeued: into the call's own conference, which the
 * counsellor's leg joins. The conference ends when the caller hangs up.
 */
export const bridgeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/bridge/caller',
    {
      config: { rateLimit: false },
      schema: {
        body: ZTwilioVoiceBody,
        querystring: ZBridgeQuery,
        response: { 200: ZTwiml },
        tags: ['twilio'],
        summary: 'TwiML for a dequeued caller: join the call conference',
      },
    },
    async (request, reply) => {
      const r = new twilio.twiml.VoiceResponse();
      r.dial().conference(
        {
          beep: 'false',
          startConferenceOnEnter: true,
          endConferenceOnExit: true,
        },
        conferenceFor(request.query.callSid),
      );
      reply.status(200).type('text/xml');
      return r.toString();
    },
  );

  app.post(
    '/bridge/callback',
    {
      config: { rateLimit: false },
      schema: {
        body: ZTwilioVoiceBody,
        querystring: z.object({ taskId: z.string().uuid() }),
        response: { 200: ZTwiml },
        tags: ['twilio'],
        summary: 'TwiML for a returned call once the caller answers: join the call-back conference',
      },
    },
    async (request, reply) => {
      const r = new twilio.twiml.VoiceResponse();
      r.dial().conference(
        { beep: 'false', startConferenceOnEnter: true, endConferenceOnExit: true },
        `callback-${request.query.taskId}`,
      );
      reply.status(200).type('text/xml');
      return r.toString();
    },
  );
};
