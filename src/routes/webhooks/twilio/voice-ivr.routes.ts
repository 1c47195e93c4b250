import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  afterCallAnswered,
  afterCallAsked,
  fallbackCall,
  fallbackTwiml,
  forwardFinished,
  incomingCall,
  languageChosen,
  voicemailRecorded,
} from '../../../modules/voice/voice-intake.service';
import type { TVoiceDeps } from '../../../modules/voice/voice.context';
import { ZHotlineQuery, ZLanguage, ZTwilioVoiceBody, ZTwiml, replyTwiml } from './twiml-reply';
import { goodbyeTwiml } from '../../../modules/voice/ivr-twiml.policy';
import { rememberedHotline } from '../../../modules/voice/voice.context';

const common = { body: ZTwilioVoiceBody, response: { 200: ZTwiml }, tags: ['twilio'] };

/** The front of the call: incoming, language menu, after-hours voicemail/forward, Twilio's fallback URL. */
export function voiceIvrRoutes(deps: TVoiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const deadline = deps.config.WEBHOOK_DEADLINE_MS - 100;
    const config = { rateLimit: false as const };
    const safe = (hotline: string, callSid: string) => () => fallbackTwiml(deps, hotline, callSid);

    app.post(
      '/voice/incoming',
      {
        config,
        schema: { ...common, querystring: ZHotlineQuery, summary: 'A call reaches a hotline' },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => incomingCall(deps, request.query.hotline, request.body),
          safe(request.query.hotline, request.body.CallSid),
        ),
    );

    app.post(
      '/voice/language',
      {
        config,
        schema: {
          ...common,
          querystring: ZHotlineQuery.extend({
            attempt: z.coerce.number().int().min(0).max(9).default(1),
          }),
          summary: 'Language menu answer or no input',
        },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => languageChosen(deps, request.query.hotline, request.query.attempt, request.body),
          safe(request.query.hotline, request.body.CallSid),
        ),
    );

    // After the counsellor hung up, where the hotline asks: "did you get the help you needed?"
    const ZAfterCallQuery = ZHotlineQuery.extend({ lang: ZLanguage });
    const goodbye = (hotline: string, lang: string) => () =>
      goodbyeTwiml(rememberedHotline(deps, hotline), lang);
    app.post(
      '/voice/after-call',
      {
        config,
        schema: { ...common, querystring: ZAfterCallQuery, summary: 'The after-call question' },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => afterCallAsked(deps, request.query.hotline, request.query.lang, request.body),
          goodbye(request.query.hotline, request.query.lang),
        ),
    );
    app.post(
      '/voice/after-call-answer',
      {
        config,
        schema: {
          ...common,
          querystring: ZAfterCallQuery,
          summary: "The caller's key after the after-call question",
        },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => afterCallAnswered(deps, request.query.hotline, request.query.lang, request.body),
          goodbye(request.query.hotline, request.query.lang),
        ),
    );

    app.post(
      '/voice/voicemail',
      { config, schema: { ...common, querystring: ZHotlineQuery, summary: 'Voicemail recorded' } },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => voicemailRecorded(deps, request.query.hotline, request.body),
          () => '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>',
        ),
    );

    app.post(
      '/voice/forward-result',
      {
        config,
        schema: {
          ...common,
          querystring: ZHotlineQuery.extend({ reason: z.enum(['after-hours', 'fallback']) }),
          summary: 'The duty mobile answered or not',
        },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => forwardFinished(deps, request.query.hotline, request.query.reason, request.body),
          safe(request.query.hotline, request.body.CallSid),
        ),
    );

    app.post(
      '/voice/fallback',
      {
        config,
        schema: { ...common, querystring: ZHotlineQuery, summary: "Twilio's fallback URL" },
      },
      (request, reply) =>
        replyTwiml(
          request,
          reply,
          deadline,
          () => Promise.resolve(fallbackCall(deps, request.query.hotline, request.body)),
          safe(request.query.hotline, request.body.CallSid),
        ),
    );
  };
}
