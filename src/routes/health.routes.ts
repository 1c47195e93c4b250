import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pingDatabase } from '../infra/database';
import {
  promptReadiness,
  type THotlinePromptReadiness,
} from '../modules/prompts/prompt-readiness.service';

const placeholdersByLanguage = (rows: THotlinePromptReadiness[]) =>
  rows.map((r) => {
    const placeholders: Record<string, string[]> = {};
    for (const m of r.missing) (placeholders[m.language] ??= []).push(m.prompt);
    return { hotline: r.hotline, placeholders };
  });

const ZStatus = z.object({
  status: z.enum(['ok', 'unavailable', 'draining']),
  postgres: z.boolean().optional(),
  redis: z.boolean().optional(),
  /**
   * With ?detail=1: per hotline and language, the prompts callers would still hear as
   * placeholders. Not a reason to refuse traffic (a placeholder keeps a caller safe), but a
   * hotline is not ready to go live until this is empty.
   */
  prompts: z
    .array(
      z.object({
        hotline: z.string(),
        placeholders: z.record(z.string(), z.array(z.string())),
      }),
    )
    .optional(),
});
const ZReadyQuery = z.object({ detail: z.enum(['0', '1']).optional() });
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
      schema: { hide: true, querystring: ZReadyQuery, response: { 200: ZStatus, 503: ZStatus } },
      config: { rateLimit: false },
    },
    async (request, reply) => {
      const [postgres, redis] = await Promise.all([
        withTimeout(pingDatabase(app.deps.db)),
        withTimeout(app.deps.redis.ping()),
      ]);
      // A node shutting down says so first, so the load balancer stops sending it requests
      // before it closes (a request arriving while it closes would get a 503).
      const ready = postgres && redis && !app.draining.active;
      const prompts =
        request.query.detail === '1' && postgres
          ? await promptReadiness(app.deps.db).then(placeholdersByLanguage, () => undefined)
          : undefined;
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ok' : app.draining.active ? 'draining' : 'unavailable',
        postgres,
        redis,
        ...(prompts ? { prompts } : {}),
      });
    },
  );
};
