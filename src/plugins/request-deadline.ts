import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { errorBody } from '../errors/catalogue';

const STAFF_PATHS = /^\/(api|auth)(\/|\?|$)/;

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    /** A longer deadline for a route that legitimately works long (a year's export). */
    deadlineMs?: number;
  }
}

/**
 * A deadline for staff, partner and session requests. A Postgres that is stopped (not down:
 * its connections stay open) answers no query and enforces no statement timeout of its own, so
 * without this a request would hang for as long as the store does. Past the deadline the person
 * is told the service is unavailable (503 STORE_UNAVAILABLE) and may try again.
 */
export const requestDeadlinePlugin = fp(async (app) => {
  const deadlineMs = app.deps.config.STAFF_REQUEST_DEADLINE_MS;
  const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();
  const clear = async (request: FastifyRequest) => clearTimeout(timers.get(request));
  app.addHook('onRequest', async (request, reply) => {
    if (!STAFF_PATHS.test(request.url)) return;
    const limitMs = Math.max(deadlineMs, request.routeOptions.config?.deadlineMs ?? 0);
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return;
      request.log.warn({ deadlineMs: limitMs }, 'request deadline passed');
      void reply.status(503).send(errorBody('STORE_UNAVAILABLE'));
    }, limitMs);
    timer.unref();
    timers.set(request, timer);
  });
  app.addHook('onResponse', clear);
  app.addHook('onRequestAbort', clear);
});
