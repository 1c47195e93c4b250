import twilio from 'twilio';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  callbackConference,
  callbackLegAnswered,
  callbackLegEnded,
} from '../../../modules/callbacks/callback-dial.service';
import { conferenceFor } from '../../../modules/voice/conference/bridge.service';
import { hangupTwiml } from '../../../modules/voice/ivr-twiml.policy';
import { replyTwiml, ZTwilioVoiceBody, ZTwiml } from './twiml-reply';

const ZTaskQuery = z.object({ taskId: z.string().uuid() });

/** Into a two-party conference (a call, or a call-back); whoever leaves ends it for the other. */
function joinConferenceTwiml(name: string): string {
  const r = new twilio.twiml.VoiceResponse();
  r.dial().conference(
    { beep: 'false', startConferenceOnEnter: true, endConferenceOnExit: true },
    name,
  );
  return r.toString();
}
const joinCallbackTwiml = (taskId: string) => joinConferenceTwiml(callbackConference(taskId));

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
      reply.status(200).type('text/xml');
      return joinConferenceTwiml(conferenceFor(request.query.callSid));
    },
  );

  app.post(
    '/bridge/callback',
    {
      config: { rateLimit: false },
      schema: {
        body: ZTwilioVoiceBody,
        querystring: ZTaskQuery,
        response: { 200: ZTwiml },
        tags: ['twilio'],
        summary: 'TwiML for a returned call once the caller answers: join the call-back conference',
      },
    },
    async (request, reply) => {
      reply.status(200).type('text/xml');
      return joinCallbackTwiml(request.query.taskId);
    },
  );

  const deadline = app.deps.config.WEBHOOK_DEADLINE_MS - 100;
  const callbacks = () => app.services.callbacks;

  app.post(
    '/bridge/callback/counsellor',
    {
      config: { rateLimit: false },
      schema: {
        body: ZTwilioVoiceBody,
        querystring: ZTaskQuery,
        response: { 200: ZTwiml },
        tags: ['twilio'],
        summary: 'The counsellor answered a call-back: dial the caller, join the conference',
      },
    },
    async (request, reply) =>
      replyTwiml(
        request,
        reply,
        deadline,
        async () =>
          (await callbackLegAnswered(callbacks(), request.query.taskId)) === 'join'
            ? joinCallbackTwiml(request.query.taskId)
            : hangupTwiml(),
        // Unsure whether the caller was dialled: she waits in the conference rather than miss them.
        () => joinCallbackTwiml(request.query.taskId),
      ),
  );

  app.post(
    '/bridge/callback/counsellor-status',
    {
      config: { rateLimit: false },
      schema: {
        body: ZTwilioVoiceBody.extend({ CallStatus: z.string().max(40) }),
        querystring: ZTaskQuery,
        response: { 204: z.null() },
        tags: ['twilio'],
        summary: "Status callback of the counsellor's call-back leg",
      },
    },
    async (request, reply) => {
      await callbackLegEnded(callbacks(), request.query.taskId, request.body.CallStatus).catch(
        (err: unknown) => request.log.error({ err }, 'call-back leg status failed'),
      );
      return reply.status(204).send(null);
    },
  );
};
