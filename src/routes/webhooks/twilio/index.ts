import type { FastifyPluginAsync } from 'fastify';
import formbody from '@fastify/formbody';
import { keyringFromConfig } from '../../../modules/crypto/keyring';
import { hotlineSettingsRepository } from '../../../modules/hotlines/hotline-settings.repository';
import { onHotlineChange } from '../../../modules/hotlines/hotline-settings.channel';
import { promptsRepository } from '../../../modules/prompts/prompts.repository';
import { waitingQueue } from '../../../modules/routing/waiting-queue.repository';
import { callsRepository } from '../../../modules/telephony/calls.repository';
import { reconciliationBuffer } from '../../../modules/telephony/reconciliation-buffer';
import { redisReconciliationJournal } from '../../../modules/telephony/reconciliation-journal';
import { startReconciler } from '../../../modules/telephony/reconciler';
import { guard } from '../../../modules/telephony/store-guard';
import { ivrUrls, type TVoiceDeps } from '../../../modules/telephony/voice.context';
import { twilioSignatureHook } from './twilio-signature.hook';
import { promptAudioRoutes } from './prompt-audio.routes';
import { voiceIvrRoutes } from './voice-ivr.routes';
import { voiceQueueRoutes } from './voice-queue.routes';
import { voiceStatusRoutes } from './voice-status.routes';
import { bridgeRoutes } from './bridge.routes';
import { conferenceRoutes } from './conference.routes';
import { mobileLegRoutes } from './mobile-leg.routes';
import { conversationsRoutes } from './conversations.routes';

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
 * folder to the list at the bottom; they inherit the hook and `app.voice`.
 */
export const twilioWebhookRoutes: FastifyPluginAsync = async (app) => {
  const { config, db, redis } = app.deps;
  const hotlines = hotlineSettingsRepository(db);
  const calls = callsRepository(db);
  const queue = waitingQueue(redis, config.REDIS_PREFIX);
  const journal = redisReconciliationJournal(redis, config.REDIS_PREFIX);
  const buffer = reconciliationBuffer({ calls, queue, events: app.callLifecycle, journal });
  const voice: TVoiceDeps = {
    config,
    keyring: keyringFromConfig(config),
    hotlines,
    calls,
    queue,
    events: app.callLifecycle,
    buffer,
    urls: ivrUrls(config.PUBLIC_BASE_URL),
    now: () => new Date(),
  };
  app.decorate('voice', voice);
  // Twilio posts forms; only here (a form body anywhere else is how a foreign page forges requests).
  await app.register(formbody);

  // The last-known hotline settings must exist before Postgres can fail, so load them now.
  await guard(() => hotlines.warm(), 2000);
  // Writes a crashed node still owed Postgres (its journal in Redis) are replayed by this one.
  const alive = () => guard(() => journal.heartbeat(), 2000);
  await alive();
  const orphans = await guard(() => journal.claimOrphans(), 2000);
  if (orphans.ok) for (const [callSid, writes] of orphans.value) buffer.restore(callSid, writes);
  const heartbeat = setInterval(() => void alive(), 10_000);
  heartbeat.unref();
  const reconciler = startReconciler(buffer, app.log);
  app.addHook('onClose', async () => {
    reconciler.stop();
    clearInterval(heartbeat);
    // Left for the next node to start if it still holds writes: it is no longer alive.
    await guard(() => journal.stop(), 1000);
  });
  // An administrator's change must reach the very next call on every node, not after the cache TTL.
  const stopListening = onHotlineChange(redis, config.REDIS_PREFIX, (n) => hotlines.invalidate(n));
  app.addHook('onClose', async () => stopListening());

  app.addHook(
    'preValidation',
    twilioSignatureHook(config.TWILIO_AUTH_TOKEN, config.PUBLIC_BASE_URL),
  );

  await app.register(
    promptAudioRoutes({
      prompts: promptsRepository(db),
      hotlines,
      rateLimitMax: config.PROMPT_RATE_LIMIT_MAX,
    }),
  );
  await app.register(voiceIvrRoutes(voice));
  await app.register(voiceQueueRoutes(voice));
  await app.register(voiceStatusRoutes(voice));
  await app.register(bridgeRoutes);
  await app.register(conferenceRoutes);
  await app.register(mobileLegRoutes);
  await app.register(conversationsRoutes(app.chat));
};
