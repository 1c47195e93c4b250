import fp from 'fastify-plugin';
import { rooms } from '../contracts/realtime';
import { sessionRevokedChannel } from '../modules/auth/session.repository';
import { expireDueOffers } from '../modules/routing/offer.service';
import { expireWrapUps, heartbeatAndReleaseStale } from '../modules/presence/presence.service';
import {
  createRoutingContext,
  pushPresence,
  type TRoutingContext,
} from '../modules/routing/routing.context';
import { subscribeToCallLifecycle } from '../modules/routing/lifecycle.subscriber';
import { callbackDeps } from '../modules/callbacks/callbacks.context';
import { callbackRequested } from '../modules/callbacks/callbacks.service';
import { rebuildIfRedisWasWiped } from '../modules/routing/queue-rebuild.service';
import { attachConnections } from './connection';
import { closeEndedSessions } from './session-sweep';
import { announceWatchedHotlines, pushFigures } from './figures.pusher';
import { createRealtimeServer, type TIo } from './realtime.server';
import { roomDelivery } from './room-delivery';
import { socketNotifier } from './socket.notifier';
import { createWebchat, type TWebchatService } from './webchat/webchat.service';

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyInstance {
    io: TIo;
    liveRouting: TRoutingContext;
    webchat: TWebchatService;
  }
}

const HEARTBEAT_MS = 5_000;
const STALE_AFTER_MS = 20_000;

/**
 * Live routing on this API node: Socket.IO (shared with the other nodes through Redis), the
 * routing services, the call-lifecycle subscriptions that trigger dispatch, and the sweep that
 * makes sure nothing waits if an event is lost (offer time-outs, wrap-ups, dead nodes).
 */
export const realtimePlugin = fp(
  async (app) => {
    const { config, redis, db } = app.deps;
    const webchat = createWebchat(app);
    const realtime = createRealtimeServer(app, webchat.embeds);
    webchat.attach(realtime.io);
    let ctx: TRoutingContext | null = null;
    const deliveryChannel = `${config.REDIS_PREFIX}:routing:deliver`;
    const delivery = roomDelivery(realtime.io, redis, deliveryChannel, (err) =>
      app.log.error({ err }, 'routing event delivery failed'),
    );
    const notifier = socketNotifier(delivery, () => (ctx as TRoutingContext).queues, {
      onError: (err) => app.log.error({ err }, 'queue view push failed'),
    });
    ctx = createRoutingContext({
      config,
      redis,
      db,
      telephony: app.telephony,
      notifier,
      log: app.log,
    });
    const routing = ctx;
    app.decorate('io', realtime.io);
    app.decorate('webchat', webchat.service);
    app.decorate('liveRouting', routing);
    let closing = false;
    attachConnections(realtime.io, routing, () => closing);
    const callbacks = callbackDeps(routing, db, redis);
    const offCallbacks = app.callLifecycle.on('callback.requested', (e) =>
      callbackRequested(callbacks, e),
    );
    const unsubscribe = subscribeToCallLifecycle(app.callLifecycle, routing);

    const channels = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    channels.on('error', () => {});
    const withdrawnChannel = `${config.REDIS_PREFIX}:routing:withdrawn`;
    channels.on('message', (channel: string, message: string) => {
      if (channel === deliveryChannel) return delivery.receive(message);
      if (channel === withdrawnChannel) {
        const [offerId = '', userId = ''] = message.split(' ');
        realtime.io.local
          .to(rooms.user(userId))
          .emit('call:withdrawn', { offerId, reason: 'caller-left' });
        void pushPresence(routing, userId).catch(() => {});
        void routing.dispatcher.kick();
        return;
      }
      // A signed-out session's room or a revoked user's room: this node closes its own sockets.
      if (/^(session|user):/.test(message)) realtime.io.local.in(message).disconnectSockets(true);
    });
    void channels
      .subscribe(sessionRevokedChannel(config.REDIS_PREFIX), withdrawnChannel, deliveryChannel)
      .catch(() => {});

    let sweeping = false;
    const sweep = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      (async () => {
        const rebuilt = await rebuildIfRedisWasWiped(routing, { db, redis });
        if (rebuilt) app.log.warn({ rebuilt }, 'routing queues rebuilt from Postgres');
        await expireDueOffers(routing);
        await expireWrapUps(routing);
        await routing.dispatcher.kick();
      })()
        .catch((err: unknown) => app.log.error({ err }, 'routing sweep failed'))
        .finally(() => {
          sweeping = false;
        });
    }, routing.settings.sweepMs);
    // The heartbeat in flight, if any: closing waits for it, as its figures go out through the
    // Socket.IO Redis adapter, whose publish fails unhandled once the adapter's client is closed.
    let beating: Promise<void> | null = null;
    const heartbeat = setInterval(() => {
      if (beating) return;
      const here = new Set(
        [...realtime.io.of('/').sockets.values()].map((s) => s.data.actor.userId),
      );
      beating = (async () => {
        await heartbeatAndReleaseStale(routing, [...here], STALE_AFTER_MS);
        await closeEndedSessions(realtime.io, app.deps);
        const figures = { redis, prefix: config.REDIS_PREFIX, periodMs: HEARTBEAT_MS };
        await announceWatchedHotlines(realtime.io, figures);
        if (!closing) await pushFigures(realtime.io, routing, { ...figures, sql: app.deps.sql });
      })()
        .catch((err: unknown) => app.log.error({ err }, 'presence heartbeat failed'))
        .finally(() => {
          beating = null;
        });
    }, HEARTBEAT_MS);
    sweep.unref();
    heartbeat.unref();

    app.addHook('preClose', async () => {
      closing = true;
      clearInterval(sweep);
      clearInterval(heartbeat);
      await beating;
      unsubscribe();
      offCallbacks();
      notifier.close();
      webchat.close();
      await realtime.close();
    });
    app.addHook('onClose', async () => {
      await routing.dispatcher.idle();
      await routing.events.flush();
      channels.disconnect();
    });
  },
  { name: 'realtime', dependencies: ['telephony'] },
);
