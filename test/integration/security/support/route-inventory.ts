import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { app as appPlugin } from '../../../../src/app';
import { serverOptions } from '../../../../src/build-app';
import { loggerOptions } from '../../../../src/logger';
import { captureLogs, type TLogCapture } from '../../../support/test-app';
import type { TTestStores } from '../../../support/test-stores';

/** One registered route as the security tests see it. */
export type TRouteEntry = {
  method: string;
  url: string;
  /** Staff routes: config.permission; partner routes: config.partnerPermission. */
  permission: string | undefined;
  partnerAccess: string | undefined;
  twilioSignature: boolean | undefined;
  rateLimit: unknown;
  schema: {
    body?: z.ZodType;
    querystring?: z.ZodType;
    params?: z.ZodType;
    hide?: boolean;
  };
};

/**
 * The real app plugin on a Fastify instance built like src/build-app.ts, with an `onRoute` hook
 * added first so every route any plugin registers is seen (buildApp offers no earlier hook).
 */
export async function buildInventoriedApp(
  stores: Pick<TTestStores, 'config' | 'database' | 'redis'>,
): Promise<{ app: FastifyInstance; routes: TRouteEntry[]; logs: TLogCapture }> {
  const { capture, stream } = captureLogs();
  const config = Object.freeze({ ...stores.config, LOG_LEVEL: 'debug' as const });
  const fastify = Fastify({
    logger: { ...loggerOptions(config), stream },
    ...serverOptions(config),
  });
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  const routes: TRouteEntry[] = [];
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const routeConfig = (route.config ?? {}) as Record<string, unknown>;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routes.push({
        method,
        url: route.url,
        permission: (routeConfig.permission ?? routeConfig.partnerPermission) as string | undefined,
        partnerAccess: routeConfig.partnerAccess as string | undefined,
        twilioSignature: routeConfig.twilioSignature as boolean | undefined,
        rateLimit: routeConfig.rateLimit,
        schema: (route.schema ?? {}) as TRouteEntry['schema'],
      });
    }
  });
  await fastify.register(appPlugin, {
    config,
    db: stores.database.db,
    sql: stores.database.sql,
    redis: stores.redis,
  });
  await fastify.ready();
  return { app: fastify, routes, logs: capture };
}

/** A concrete URL for a route pattern: every `:param` and `*` filled with a harmless value. */
export function concreteUrl(url: string, fill = 'x'): string {
  return url.replace(/:[A-Za-z0-9_]+/g, fill).replace(/\*$/, fill);
}

export const isStaffRoute = (r: TRouteEntry) => r.url.startsWith('/api/staff');
export const isPartnerRoute = (r: TRouteEntry) => r.url.startsWith('/api/partner');
export const isTwilioRoute = (r: TRouteEntry) => r.url.startsWith('/webhooks/twilio');
