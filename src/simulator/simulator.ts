import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { callEngine, type TCallEngine, type TEngineOptions } from './call-engine';
import { controlApiRoutes, type TPlaceCall } from './control-api.routes';
import { restCallsRoutes } from './rest-calls.routes';
import { restConferencesRoutes } from './rest-conferences.routes';
import { restMessagesRoutes } from './rest-messages.routes';
import { restQueuesRoutes } from './rest-queues.routes';
import { restRecordingsRoutes } from './rest-recordings.routes';
import { form, pathOf, twilioError } from './rest-support';
import { emptyState } from './sim-state';
import type { TSimCall } from './sim-state';
import { runCall } from './twiml-runner';
import { callNumber, type TCallNumber } from './call-number';
import { webhookClient } from './webhook-client';
import { twilioCallbackUrls } from '../modules/telephony/callback-urls';
import { conversationsEngine, type TConversationsEngine } from './conversations-engine';
import { controlChatRoutes } from './control-chat.routes';
import { restConversationsRoutes } from './rest-conversations.routes';
import { restMediaRoutes } from './rest-media.routes';
import { simChatService } from './sim-chat-services';

export type TSimulatorOptions = Partial<TEngineOptions> & {
  accountSid: string;
  authToken: string;
  /** Where the Saiduan API is reached and what Twilio signs: PUBLIC_BASE_URL. */
  serverBaseUrl: string;
  /** Hotline short code → the E.164 number Twilio would deliver as `To`. */
  hotlineNumbers?: Record<string, string>;
  /** Hotline short code → its number, for the chat services (defaults to `hotlineNumbers`). */
  chatHotlines?: Record<string, string>;
  /** Browser origin allowed to use the control API (the web app's simulator mode). */
  allowOrigin?: string;
  logger?: boolean;
};

export type TSimulator = {
  app: FastifyInstance;
  engine: TCallEngine;
  /** Twilio Conversations: simulated WhatsApp, Messenger and SMS users. */
  chat: TConversationsEngine;
  placeCall: (args: TPlaceCall) => TSimCall;
  /** A call to another number of the account, e.g. the prompts' recording line. */
  callNumber: (args: TCallNumber) => TSimCall;
};

/** Twilio's side of the wire on one machine: REST API, call engine and control API in one Fastify app. */
export async function createSimulator(options: TSimulatorOptions): Promise<TSimulator> {
  const state = emptyState();
  const engine = callEngine(state, webhookClient(options.authToken), {
    accountSid: options.accountSid,
    msPerSecond: options.msPerSecond ?? 1000,
    playSeconds: options.playSeconds ?? 2,
    mobileAnswerSeconds:
      options.mobileAnswerSeconds === undefined ? 3 : options.mobileAnswerSeconds,
  });
  // The URLs a hotline's number is configured with at Twilio, from the one builder.
  const urls = twilioCallbackUrls(options.serverBaseUrl);
  const server = options.serverBaseUrl.replace(/\/+$/, '');
  const chat = conversationsEngine({
    accountSid: options.accountSid,
    services: Object.entries(options.chatHotlines ?? options.hotlineNumbers ?? {}).map(
      ([hotline, number]) => simChatService(hotline, number),
    ),
    webhookUrl: `${server}/webhooks/twilio/conversations`,
    webhooks: webhookClient(options.authToken),
  });

  const placeCall = (args: TPlaceCall): TSimCall => {
    const q = { hotline: args.hotline };
    const call = engine.newCall({
      from: args.from,
      to: options.hotlineNumbers?.[args.hotline] ?? args.hotline,
      direction: 'inbound',
      hotline: args.hotline,
      fallbackUrl: urls.voice('fallback', q),
      script: {
        digits: typeof args.digits === 'string' ? args.digits.split(',') : [...(args.digits ?? [])],
        ...(args.hangupAfterSeconds ? { hangupAfterSeconds: args.hangupAfterSeconds } : {}),
      },
      statusCallback: {
        url: urls.status(args.hotline),
        events: ['ringing', 'answered', 'completed'],
        options: args.statusCallbacks ?? {},
      },
    });
    if (args.hangupAfterSeconds)
      setTimeout(
        () => engine.hangup(call),
        args.hangupAfterSeconds * engine.options.msPerSecond,
      ).unref();
    void engine
      .setStatus(call, 'ringing')
      .then(() => runCall(engine, call, urls.voice('incoming', q)))
      .catch(() => engine.setStatus(call, 'failed'));
    return call;
  };

  const app = Fastify({
    logger: options.logger ?? false,
    forceCloseConnections: true,
    // A test may hand a simulated user's file over in the control API.
    bodyLimit: 16 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(formbody);

  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/2010-04-01/') && !request.url.startsWith('/v1/')) return;
    if (request.headers.authorization !== expectedAuth)
      return twilioError(reply, 401, 20003, 'Authentication Error - invalid username');
    const params = Object.fromEntries(
      Object.entries(form(request)).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.join(',') : String(v),
      ]),
    );
    state.requests.push({ method: request.method, path: pathOf(request), params });
  });
  if (options.allowOrigin) {
    const origin = options.allowOrigin;
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/sim/')) return;
      reply.header('access-control-allow-origin', origin).header('vary', 'origin');
      if (request.method === 'OPTIONS')
        return reply
          .header('access-control-allow-methods', 'GET, POST')
          .header('access-control-allow-headers', 'content-type')
          .status(204)
          .send();
    });
  }

  await app.register(restCallsRoutes(engine));
  await app.register(restQueuesRoutes(engine));
  await app.register(restConferencesRoutes(engine));
  await app.register(restMessagesRoutes(engine));
  await app.register(restRecordingsRoutes(engine));
  await app.register(restConversationsRoutes(chat, options.accountSid));
  await app.register(restMediaRoutes(chat, options.accountSid));
  await app.register(controlApiRoutes(engine, placeCall));
  await app.register(controlChatRoutes(chat));
  app.get('/healthz', async () => ({ status: 'ok' }));
  return { app, engine, chat, placeCall, callNumber: (args) => callNumber(engine, args) };
}
