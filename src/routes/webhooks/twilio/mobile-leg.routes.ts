import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conferenceFor } from '../../../modules/voice/conference/bridge.service';
import {
  mobileAnswered,
  mobileKeyPressed,
  mobileLegStatus,
} from '../../../modules/voice/conference/mobile-leg.service';
import {
  hangupTwiml,
  joinConferenceTwiml,
  whisperTwiml,
} from '../../../modules/voice/conference/mobile-leg.twiml';
import { rememberedHotline } from '../../../modules/voice/voice.context';
import { ZHotlineQuery, ZTwilioVoiceBody, ZTwiml, replyTwiml } from './twiml-reply';

const ZLegQuery = z.object({
  callSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/),
  userId: z.uuid(),
});

/**
 * The counsellor's mobile leg (routing/mobile-leg.*): the whisper "hotline call, press 1" on
 * answer, the key that joins the caller's conference or sends the caller back in line, and the
 * leg's status. `CallSid` in the body is the mobile leg; `callSid` in the query is the caller.
 */
export const mobileLegRoutes: FastifyPluginAsyncZod = async (app) => {
  const deadline = app.deps.config.WEBHOOK_DEADLINE_MS - 100;
  const config = { rateLimit: false as const };

  app.post(
    '/mobile-leg/whisper',
    {
      config,
      schema: {
        body: ZTwilioVoiceBody,
        querystring: ZLegQuery.extend(ZHotlineQuery.shape),
        response: { 200: ZTwiml },
        tags: ['twilio'],
        summary: "TwiML for the counsellor's answered mobile: the whisper, then one key",
      },
    },
    (request, reply) => {
      const { callSid, userId, hotline } = request.query;
      // The staff-facing prompt in the hotline's own first language, as last known (no store read).
      const { hotline: settings, urls } = rememberedHotline(app.voice, hotline);
      const whisper = () =>
        whisperTwiml({
          promptUrl: urls.prompt(hotline, settings.defaultLanguage, 'whisper'),
          keyUrl: app.services.urls.mobileLeg({ callSid, userId, hotline }).key,
        });
      return replyTwiml(
        request,
        reply,
        deadline,
        async () =>
          (await mobileAnswered(app.liveRouting, { userId, callSid, legSid: request.body.CallSid }))
            ? whisper()
            : hangupTwiml(),
        // Redis unsure: whisper anyway; the key decides again before anyone is joined.
        whisper,
      );
    },
  );

  app.post(
    '/mobile-leg/key',
    {
      config,
      schema: {
        body: ZTwilioVoiceBody,
        querystring: ZLegQuery,
        response: { 200: ZTwiml },
        tags: ['twilio'],
        summary: 'The key pressed after the whisper: 1 joins the call, anything else declines',
      },
    },
    (request, reply) =>
      replyTwiml(
        request,
        reply,
        deadline,
        async () =>
          (await mobileKeyPressed(app.liveRouting, {
            userId: request.query.userId,
            callSid: request.query.callSid,
            legSid: request.body.CallSid,
            digits: request.body.Digits,
          })) === 'join'
            ? joinConferenceTwiml(conferenceFor(request.query.callSid))
            : hangupTwiml(),
        // Not joined; the leg's status callback then sends the caller back in line.
        hangupTwiml,
      ),
  );

  app.post(
    '/mobile-leg/status',
    {
      config,
      schema: {
        body: ZTwilioVoiceBody.extend({ CallStatus: z.string().max(40) }),
        querystring: ZLegQuery,
        response: { 204: z.null() },
        tags: ['twilio'],
        summary: "Status callback of the counsellor's mobile leg",
      },
    },
    async (request, reply) => {
      await mobileLegStatus(app.liveRouting, {
        userId: request.query.userId,
        callSid: request.query.callSid,
        legSid: request.body.CallSid,
        status: request.body.CallStatus,
      }).catch((err: unknown) =>
        request.log.error({ err: { message: (err as Error).message } }, 'mobile leg status failed'),
      );
      return reply.status(204).send(null);
    },
  );
};
