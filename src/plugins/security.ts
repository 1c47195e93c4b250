import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { errorBody } from '../errors/catalogue';
import { isUnlimitedPath, rateLimitKey } from './rate-limit-key.policy';
import { securityHeaders } from './security-headers';

const PERSONAL_PATHS = /^\/(api|auth)(\/|\?|$)/;

/**
 * Security headers and a Redis-backed rate limit shared by every API node. If Redis is down the
 * limit is skipped rather than failing requests: a hotline must stay reachable.
 * Routes opt out with `config: { rateLimit: false }` (Twilio webhooks: the signature guards them).
 */
export const securityPlugin = fp(async (app) => {
  const { config, redis } = app.deps;
  // Helmet's headers are worked out once (security-headers.ts): @fastify/helmet rebuilt its
  // middleware (and re-parsed the CSP) on every request, and even a prebuilt one cost a few per
  // cent of a voice webhook's CPU.
  const headers = securityHeaders({
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
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  // Staff, partner and session answers carry personal data: no browser or proxy may keep a copy
  // (a shared office computer, a phone left behind). Set last, so no route can loosen it.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (PERSONAL_PATHS.test(request.url)) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_MAX,
    timeWindow: '1 minute',
    redis,
    nameSpace: `${config.REDIS_PREFIX}:rl:`,
    skipOnError: true,
    allowList: (request) => isUnlimitedPath(request.url),
    keyGenerator: (request) =>
      rateLimitKey({
        ip: request.ip,
        userId: request.actor?.userId ?? partnerUserId(request.partner),
        magicLinkId: request.partner?.kind === 'magic_link' ? request.partner.linkId : null,
      }),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: ctx.statusCode,
      ...errorBody('RATE_LIMITED'),
    }),
  });
});

// `partner` is only decorated inside /api/partner; elsewhere it is undefined.
function partnerUserId(partner: FastifyRequest['partner'] | undefined): string | null {
  return partner?.kind === 'portal' ? partner.actor.userId : null;
}
