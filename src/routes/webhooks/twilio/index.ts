import type { FastifyPluginAsync } from 'fastify';
import formbody from '@fastify/formbody';
import type { TVoiceDeps } from '../../../modules/voice/voice.context';
import { twilioSignatureHook } from './twilio-signature.hook';
import { promptAudioRoutes } from './prompt-audio.routes';
import { voiceIvrRoutes } from './voice-ivr.routes';
import { voiceQueueRoutes } from './voice-queue.routes';
import { voiceStatusRoutes } from './voice-status.routes';
import { bridgeRoutes } from './bridge.routes';
import { conferenceRoutes } from './conference.routes';
import { mobileLegRoutes } from './mobile-leg.routes';
import { conversationsRoutes } from './conversations.routes';
import { recordingLineRoutes } from './recording-line.routes';

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyInstance {
    /** Inside /webhooks/twilio only: what the voice routes share (URLs, repositories, buffer). */
    voice: TVoiceDeps;
  }
}

/**
 * /webhooks/twilio: one trust boundary, guarded by Twilio's signature. Add route files of this
 * folder to the list at the bottom; they inherit the hook and `app.voice`. Everything they use
 * comes built from the composition root (`app.services`).
 */
export const twilioWebhookRoutes: FastifyPluginAsync = async (app) => {
  const { config } = app.deps;
  const { voice, promptLibrary } = app.services;
  app.decorate('voice', voice);
  // Twilio posts forms; only here (a form body anywhere else is how a foreign page forges requests).
  await app.register(formbody);

  app.addHook(
    'preValidation',
    twilioSignatureHook(config.TWILIO_AUTH_TOKEN, config.PUBLIC_BASE_URL),
  );

  await app.register(
    promptAudioRoutes({
      library: promptLibrary,
      hotlines: voice.hotlines,
      rateLimitMax: config.PROMPT_RATE_LIMIT_MAX,
    }),
  );
  await app.register(voiceIvrRoutes(voice));
  await app.register(voiceQueueRoutes(voice));
  await app.register(voiceStatusRoutes(voice));
  await app.register(bridgeRoutes);
  await app.register(conferenceRoutes);
  await app.register(mobileLegRoutes);
  await app.register(recordingLineRoutes);
  await app.register(conversationsRoutes(app.chat));
};
