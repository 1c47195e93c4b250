import { duplicateRedis } from '../infra/redis';
import { realtimeAdapter } from '../infra/realtime-emitter';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { resolveActor } from '../modules/auth/resolve-actor';
import { readSession, sessionDigest, sessionRoom } from '../modules/auth/session.repository';
import { SESSION_COOKIE } from '../modules/auth/session.policy';
import type { TIo } from './realtime.types';
import { guardSocket } from './session-guard';

export type { TIo, TSocket, TSocketData } from './realtime.types';

/** Browsers may connect from the public origin and, in development, from the Vite dev server. */
export function allowedOrigins(config: { PUBLIC_BASE_URL: string; REALTIME_DEV_ORIGIN: string }) {
  return new Set([
    new URL(config.PUBLIC_BASE_URL).origin,
    new URL(config.REALTIME_DEV_ORIGIN).origin,
  ]);
}

/**
 * The Socket.IO server on the API's own HTTP server. The Redis adapter (same key as the
 * workers' emitter) makes several API nodes one; the handshake must come from an allowed
 * origin and carry a live staff session cookie.
 */
export function createRealtimeServer(
  app: FastifyInstance,
  /** Partner sites embedding a hotline's web chat: let in by the engine, to `/webchat` only. */
  embedsWebchat: (origin: string) => Promise<boolean>,
): {
  io: TIo;
  close: () => Promise<void>;
} {
  const { config, redis } = app.deps;
  const origins = allowedOrigins(config);
  const admitted = async (origin: string) => origins.has(origin) || (await embedsWebchat(origin));
  const check = (origin: string, done: (err: null, ok: boolean) => void) => {
    admitted(origin).then(
      (ok) => done(null, ok),
      (err: unknown) => {
        app.log.error({ err }, 'socket origin check failed');
        done(null, origins.has(origin));
      },
    );
  };
  const pub: Redis = duplicateRedis(redis, 'worker');
  const sub: Redis = duplicateRedis(redis, 'subscriber');
  pub.on('error', () => {});
  sub.on('error', () => {});

  const io: TIo = new Server(app.server, {
    path: '/socket.io',
    serveClient: false,
    transports: ['websocket', 'polling'],
    // Credentials stay with the staff origins; a partner site's widget sends none.
    cors: (req, done) => {
      const origin = req.headers.origin ?? '';
      check(origin, (_e, ok) =>
        done(null, { origin: ok ? origin : false, credentials: origins.has(origin) }),
      );
    },
    allowRequest: (req, done) => check(req.headers.origin ?? '', done),
    adapter: realtimeAdapter(pub, sub, config.REDIS_PREFIX),
  });

  // The staff namespace: only the app's own origins, whatever the engine let in for the web chat.
  io.use(async (socket, next) => {
    if (!origins.has(socket.handshake.headers.origin ?? '')) return next(new Error('FORBIDDEN'));
    try {
      const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
      const sessionId = cookies[SESSION_COOKIE];
      const actor = await resolveActor(app.deps, sessionId);
      if (!actor || !sessionId) return next(new Error('UNAUTHENTICATED'));
      if (actor.passwordChangeRequired) return next(new Error('PASSWORD_CHANGE_REQUIRED'));
      socket.data.actor = actor;
      socket.data.sessionDigest = sessionDigest(sessionId);
      // Each event re-reads the session (expiry, sign-out) but not the staff row: disabling the
      // user, a password reset or any change of role or scope revokes their sessions and closes
      // their sockets (users.service), so the row read here stays true for this socket's life.
      guardSocket(socket, async () => ((await readSession(app.deps, sessionId)) ? actor : null));
      // Joined before the connection handlers run, so a sign-out cannot slip between the two.
      await socket.join(sessionRoom(socket.data.sessionDigest));
      next();
    } catch (err) {
      app.log.error({ err }, 'socket handshake failed');
      next(new Error('UNAVAILABLE'));
    }
  });

  return {
    io,
    async close() {
      io.local.disconnectSockets(true);
      io.engine.close();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
