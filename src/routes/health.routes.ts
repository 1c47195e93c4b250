import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const ZStatus = z.object({
  status: z.enum(['ok', 'unavailable']),
  postgres: z.boolean().optional(),
  redis: z.boolean().optional(),
});
const CHECK_TIMEOUT_MS = 1000;

function withTimeout<T>(work: Promise<T>): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref(),
  );
  return Promise.race([
    work.then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
}

/** /healthz: the process is up. /readyz: Postgres and Redis both answer, so send traffic here. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: ZStatus } }, config: { rateLimit: false } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: { hide: true, response: { 200: ZStatus, 503: ZStatus } },
      config: { rateLimit: false },
    },
    async (_request, reply) => {
      const [postgres, redis] = await Promise.all([
        withTimeout(app.deps.db.execute(sql`select 1`)),
        withTimeout(app.deps.redis.ping()),
      ]);
      const ready = postgres && redis;
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ok' : 'unavailable', postgres, redis });
    },
  );
};
