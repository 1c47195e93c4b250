import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { errorBody } from '../errors/catalogue';

const PERSONAL_PATHS = /^\/(api|auth)(\/|\?|$)/;

/**
 * Security headers and a Redis-backed rate limit shared by every API node. If Redis is down the
 * limit is skipped rather than failing requests: a hotline must stay reachable.
 * Routes opt out with `config: { rateLimit: false }` (Twilio webhooks: the signature guards them).
 */
export const securityPlugin = fp(async (app) => {
  const { config, redis } = app.deps;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'blob:', 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // Staff, partner and session answers carry personal data: no browser or proxy may keep a copy
  // (a shared office computer, a phone left behind). Set last, so no route can loosen it.
  app.addHook('onSend', async (request, reply, payload) => {
    if (PERSONAL_PATHS.test(request.url)) reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_MAX,
    timeWindow: '1 minute',
    redis,
    nameSpace: `${config.REDIS_PREFIX}:rl:`,
    skipOnError: true,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: ctx.statusCode,
      ...errorBody('RATE_LIMITED'),
    }),
  });
});
