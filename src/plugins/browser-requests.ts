import fp from 'fastify-plugin';
import type { TConfig } from '../config/config';
import { AppError } from '../errors/catalogue';
import { judgeBrowserRequest, mediaType } from './browser-request.policy';

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    /** Body media types a route under /api or /auth takes besides application/json. */
    bodyTypes?: readonly string[];
  }
}

/**
 * Our own origin, and the Vite dev server's outside production (it proxies the API, so the
 * browser's Origin is the dev server's).
 */
export function browserOrigins(
  config: Pick<TConfig, 'PUBLIC_BASE_URL' | 'REALTIME_DEV_ORIGIN' | 'NODE_ENV'>,
): ReadonlySet<string> {
  const origins = new Set([new URL(config.PUBLIC_BASE_URL).origin]);
  if (config.NODE_ENV !== 'production') origins.add(new URL(config.REALTIME_DEV_ORIGIN).origin);
  return origins;
}

/**
 * Cross-site request forgery guard, on every request before its body is read: a state-changing
 * request from another origin is refused (bodyless ones too: sign-out, key rotation), and /api
 * and /auth refuse form and text bodies, which a foreign page can send without a preflight.
 */
export const browserRequestsPlugin = fp(async (app) => {
  const origins = browserOrigins(app.deps.config);
  app.addHook('onRequest', async (request) => {
    const { headers } = request;
    const length = Number(headers['content-length'] ?? 0);
    const verdict = judgeBrowserRequest(
      {
        method: request.method,
        path: request.url,
        origin: headers.origin,
        fetchSite:
          typeof headers['sec-fetch-site'] === 'string' ? headers['sec-fetch-site'] : undefined,
        contentType: mediaType(headers['content-type']),
        hasBody: length > 0 || headers['transfer-encoding'] !== undefined,
        extraBodyTypes: request.routeOptions.config?.bodyTypes ?? [],
      },
      origins,
    );
    if (verdict !== 'allowed') throw new AppError(verdict);
  });
});
