import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors/catalogue';

const WEB_DIST = resolve(import.meta.dirname, '../../web/dist');
// Paths owned by the API: an unknown one there is a JSON 404, never the web app's HTML.
const API_PREFIXES = [
  '/api/',
  '/auth/',
  '/webhooks/',
  '/docs',
  '/socket.io/',
  '/healthz',
  '/readyz',
];

/**
 * Serves the built web app (SERVE_WEB) from the API's origin, so cookies and sockets need no CORS.
 * Hashed assets are cached for a year; index.html never, so a deploy reaches every open console on
 * its next navigation. Any other GET that is not an API path gets index.html (client routing).
 */
export const webPlugin = fp(async (app) => {
  if (!app.deps.config.SERVE_WEB) return;
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
    app.log.warn('SERVE_WEB is on but web/dist has no build; run npm run web:build');
    return;
  }
  // The files and the app shell in a scope of their own (the static plugin's decorators and the
  // hook below stay here).
  await app.register(async (files) => {
    await files.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        if (path.endsWith('/webchat.js')) {
          // A new version reaches partners' visitors within minutes, with no hashed name to change.
          res.setHeader('cache-control', 'public, max-age=300');
          return;
        }
        res.setHeader(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // Loaded by partners' pages: another site may embed the widget. Helmet's same-origin policy
    // is a Fastify reply header (security plugin), which a raw header set above would lose to.
    // In this scope only, so the API's own answers (webhooks above all) do not run it.
    files.addHook('onSend', (request, reply, payload, done) => {
      if (request.routeOptions.url === '/webchat.js')
        reply.header('cross-origin-resource-policy', 'cross-origin');
      done(null, payload);
    });
    files.get('/*', { schema: { hide: true }, config: { rateLimit: false } }, (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (API_PREFIXES.some((p) => path.startsWith(p))) throw new AppError('NOT_FOUND');
      return reply
        .header('cache-control', 'no-cache')
        .sendFile('index.html', { cacheControl: false });
    });
  });
});
