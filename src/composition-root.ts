import type { FastifyInstance } from 'fastify';
import { jobProducers } from './jobs/job-producers';
import { callbackDeps } from './modules/callbacks/callbacks.context';
import { chatChannel, chatTaskRouting } from './modules/chat/chat-routing.adapter';
import { createChatModule } from './modules/chat/chat.module';
import { keepPlaceCallback } from './modules/callbacks/callbacks.service';
import { safeTimeRollover } from './modules/callbacks/safe-time-rollover.service';
import { routedCallbackAccepted } from './modules/callbacks/callback-dial.service';
import { keyringFromConfig } from './modules/crypto/keyring';
import {
  announceHotlineChange,
  onHotlineChange,
} from './modules/hotlines/hotline-settings.channel';
import { hotlineSettingsRepository } from './modules/hotlines/hotline-settings.repository';
import { promptLibrary } from './modules/prompts/prompt-library.service';
import { promptsRepository } from './modules/prompts/prompts.repository';
import { createRoutingContext, type TRoutingContext } from './modules/routing/routing.context';
import { startRoutingSweep } from './modules/routing/routing.sweep';
import { taskApi } from './modules/routing/tasks.service';
import { twilioCallbackUrls } from './modules/telephony/callback-urls';
import { twilioProvider } from './modules/telephony/twilio.provider';
import { createCallLifecycle } from './modules/voice/call-lifecycle.events';
import { callsRepository } from './modules/voice/calls/calls.repository';
import { startReconciler } from './modules/voice/calls/reconciler';
import { reconciliationBuffer } from './modules/voice/calls/reconciliation-buffer';
import { redisReconciliationJournal } from './modules/voice/calls/reconciliation-journal';
import { guard } from './infra/store-guard';
import { voiceChannel } from './modules/voice/conference/bridge.service';
import { createLiveCallContext } from './modules/voice/conference/live-call.context';
import { rebuildIfRedisWasWiped } from './modules/voice/queue-rebuild.service';
import { ivrUrls, type TVoiceDeps } from './modules/voice/voice.context';
import { startChatDeskPush } from './realtime/chat-desk.pusher';
import { attachConnections } from './realtime/connection';
import { chatHandlers } from './realtime/handlers/chat.handler';
import { startDeskCounts } from './realtime/desk-counts.pusher';
import { subscribeNodeChannels } from './realtime/node-channels';
import { startPresenceHeartbeat } from './realtime/presence-heartbeat';
import { createRealtimeServer } from './realtime/realtime.server';
import { createWebchat } from './realtime/webchat/webchat.service';
import { roomDelivery } from './realtime/room-delivery';
import { socketNotifier } from './realtime/socket.notifier';

/**
 * The API node's wiring, read top to bottom: every long-lived object is built here, once, and
 * handed to whoever uses it (route plugins and the realtime plugin build nothing). Imports run
 * one way: voice → routing → the notifier interface, which realtime implements; this file is the
 * only place that sees them all.
 *
 * Built after the cookie plugin (the socket handshake reads the session cookie) and before the
 * routes. `start` runs what must happen before the first request; `stopping` (preClose) and
 * `close` (onClose) take it all down again, in that order.
 */
export function composeApiNode(app: FastifyInstance) {
  const { config, db, sql, redis } = app.deps;
  const log = app.log;
  const prefix = config.REDIS_PREFIX;

  // ── Telephony adapter: Twilio (or the simulator) and every URL it calls back.
  const telephony = twilioProvider(config);
  const urls = twilioCallbackUrls(config.PUBLIC_BASE_URL);

  // ── Stores the voice webhooks read.
  const keyring = keyringFromConfig(config);
  const hotlines = hotlineSettingsRepository(db);
  const prompts = promptsRepository(db);
  const calls = callsRepository(db);

  // ── Jobs: BullMQ queues and the Socket.IO emitter (referrals, follow-ups, releases), on the
  //    app's fail-fast Redis connection: a request never waits on a dead Redis.
  const producers = jobProducers(redis, prefix);

  // ── Realtime: Socket.IO on this node, batched room delivery across nodes, and the notifier
  //    through which routing reaches browsers.
  const webchat = createWebchat(app);
  const realtime = createRealtimeServer(app, webchat.embeds);
  const io = realtime.io;
  // The anonymous web chat namespace, beside the staff one on the same server and Redis adapter.
  webchat.attach(io);
  const deliveryChannel = `${prefix}:routing:deliver`;
  const delivery = roomDelivery(io, redis, deliveryChannel, (err) =>
    log.error({ err }, 'routing event delivery failed'),
  );
  const notifier = socketNotifier(delivery, () => routing.queues, {
    onError: (err) => log.error({ err }, 'queue view push failed'),
  });

  // ── Routing: tasks, counsellors, offers. Channels plug in below.
  const routing: TRoutingContext = createRoutingContext({ config, redis, db, notifier, log });
  const tasks = taskApi(routing);

  // ── Voice, live part: what happens once routing has a counsellor for a call.
  const live = createLiveCallContext(routing, { config, db, redis, telephony, urls });
  const callbacks = callbackDeps(live, db);
  // A call-back that kept a caller's place is offered like a call; accepting it runs the
  // call-backs' counsellor-first dial instead of a bridge.
  const calls_ = voiceChannel(live);
  routing.channels.register('voice', {
    accepted: (userId, task) =>
      task.kind === 'callback'
        ? routedCallbackAccepted(callbacks, userId, task)
        : calls_.accepted(userId, task),
  });

  // ── Voice webhooks: calls become tasks (explicit calls into routing's task API); writes a
  //    store could not take wait in the reconciliation buffer (journaled in Redis).
  const lifecycle = createCallLifecycle((event, err) =>
    log.error({ event, err }, 'call lifecycle listener failed'),
  );
  const journal = redisReconciliationJournal(redis, prefix);
  const buffer = reconciliationBuffer({
    calls,
    queue: routing.queue,
    routing: tasks,
    events: lifecycle,
    journal,
  });
  const voice: TVoiceDeps = {
    config,
    keyring,
    hotlines,
    calls,
    queue: routing.queue,
    routing: tasks,
    callbacks: {
      keepPlace: (e) => keepPlaceCallback(callbacks, e),
    },
    events: lifecycle,
    buffer,
    urls: ivrUrls(config.PUBLIC_BASE_URL),
    now: () => new Date(),
  };

  // ── Chat: WhatsApp, Messenger, SMS (Twilio Conversations) and the web chat; conversations
  //    become routing tasks on channel 'chat'; inbound messages survive store outages.
  const chat = createChatModule({
    config,
    db,
    log,
    routing: chatTaskRouting(tasks),
    webMedia: webchat.service.media,
  });
  routing.channels.register('chat', chatChannel(chat.repository, chat.notices));
  // The web chat: visitors' messages into the chat inbox, the outbox's replies back to the page.
  chat.transports.web = webchat.service.transport;
  webchat.service.connectInbox(chat.inbox);
  webchat.service.followChat(chat);
  // The desk: messages and changes of her chats pushed to the counsellor, typing both ways.
  const chatPush = startChatDeskPush(chat.notices, delivery);
  webchat.service.onVisitorTyping((ref) => {
    chat.repository
      .conversationByRef('web', ref)
      .then((row) => {
        if (row?.assignedTo && row.state === 'active')
          chatPush.visitorTyping(row.id, row.assignedTo);
      })
      .catch((err: unknown) => log.error({ err }, 'visitor typing not told'));
  });
  io.on('connection', (socket) =>
    chatHandlers(socket, {
      log,
      conversation: (id) => chat.repository.conversation(id),
      counsellorTyping: (ref) => webchat.service.counsellorTyping(ref),
    }),
  );

  // ── Background work, started by `start`.
  let closing = false;
  let running: {
    reconciler: { stop(): void };
    journalHeartbeat: NodeJS.Timeout;
    stopHotlineChanges: () => void;
    sweep: { stop(): void };
    heartbeat: { stop(): Promise<void> };
    channels: { close(): void };
    deskCounts: { close(): void };
  } | null = null;

  const rollOver = safeTimeRollover(callbacks);

  async function start(): Promise<void> {
    // The last-known hotline settings must exist before Postgres can fail, so load them now.
    await guard(() => hotlines.warm(), 2000);
    // Writes a crashed node still owed Postgres (its journal in Redis) are replayed by this one.
    const alive = () => guard(() => journal.heartbeat(), 2000);
    await alive();
    const orphans = await guard(() => journal.claimOrphans(), 2000);
    if (orphans.ok) for (const [callSid, writes] of orphans.value) buffer.restore(callSid, writes);
    const journalHeartbeat = setInterval(() => void alive(), 10_000);
    journalHeartbeat.unref();
    running = {
      reconciler: startReconciler(buffer, log),
      journalHeartbeat,
      // An administrator's change must reach the very next call on every node, not after the TTL.
      stopHotlineChanges: onHotlineChange(redis, prefix, (n) => hotlines.invalidate(n)),
      sweep: startRoutingSweep(routing, async () => {
        const rebuilt = await rebuildIfRedisWasWiped(live, { db, redis });
        if (rebuilt) log.warn({ rebuilt }, 'routing queues rebuilt from Postgres');
        // Call-backs whose caller's safe time ended wait for the same hours the next day.
        await rollOver().catch((err: unknown) =>
          log.error({ err }, 'moving ended call-back safe times failed'),
        );
      }),
      heartbeat: startPresenceHeartbeat({
        io,
        routing,
        config,
        redis,
        sql,
        onError: (err) => log.error({ err }, 'presence heartbeat failed'),
      }),
      channels: subscribeNodeChannels({ io, redis, prefix, routing, delivery, deliveryChannel }),
      // Desks get their hotlines' and languages' waiting counts, at most once a second per room.
      deskCounts: startDeskCounts(io, () => live.queues, {
        onError: (err) => log.error({ err }, 'desk counts push failed'),
      }),
    };
    attachConnections(io, live, () => closing);
    await chat.start();
  }

  /** preClose: no new work, sockets closed (clients reconnect to another node). */
  async function stopping(): Promise<void> {
    closing = true;
    chat.stop();
    chatPush.close();
    webchat.close();
    running?.sweep.stop();
    await running?.heartbeat.stop();
    running?.deskCounts.close();
    notifier.close();
    delivery.close();
    await realtime.close();
  }

  /** onClose: what is in flight finishes, then the node lets go of its Redis duties. */
  async function close(): Promise<void> {
    running?.reconciler.stop();
    if (running) clearInterval(running.journalHeartbeat);
    running?.stopHotlineChanges();
    // Left for the next node to start if it still holds writes: it is no longer alive.
    await guard(() => journal.stop(), 1000);
    await routing.dispatcher.idle();
    await routing.events.flush();
    running?.channels.close();
  }

  return {
    config,
    telephony,
    urls,
    io,
    routing,
    tasks,
    live,
    callbacks,
    voice,
    chat,
    webchat: webchat.service,
    lifecycle,
    prompts,
    // A recording approved: every node rebuilds the hotline's IVR answers (placeholder or not).
    promptLibrary: promptLibrary({ db, config }, prompts, (hotline) => {
      hotlines.invalidate(hotline);
      void announceHotlineChange(redis, prefix, hotline).catch(() => {});
    }),
    jobProducers: producers,
    start,
    stopping,
    close,
  };
}

export type TApiNode = ReturnType<typeof composeApiNode>;
