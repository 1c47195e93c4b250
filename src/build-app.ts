import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { app } from './app';
import type { TAppDeps } from './app.types';
import type { TConfig } from './config/config';
import { loggerOptions, requestChildLogger } from './logger';
import { OneLineRequestLog } from './request-log.controller';
import { errorBody } from './errors/catalogue';

export type TBuildOptions = {
  logStream?: DestinationStream;
  /** Extra plugins registered after the app (tests, the simulator's mounted mode). */
  plugins?: FastifyPluginAsync[];
};

/** Fastify's own settings, shared with tests that build the app around extra hooks. */
export const serverOptions = (config: Pick<TConfig, 'TRUSTED_PROXIES'>) =>
  ({
    genReqId: () => randomUUID(),
    childLoggerFactory: requestChildLogger,
    logController: new OneLineRequestLog(),
    bodyLimit: 1_048_576,
    // request.ip keys every rate limit: X-Forwarded-For counts only when it comes through a
    // configured proxy, otherwise a client would choose its own address (and escape the limits).
    trustProxy: config.TRUSTED_PROXIES.length > 0 ? [...config.TRUSTED_PROXIES] : false,
    return503OnClosing: true,
    // Router errors (malformed or over-long URL) skip the error handler: answer them in the
    // catalogue's shape too, without echoing the URL back.
    frameworkErrors: (err: FastifyError, _request: FastifyRequest, reply: FastifyReply) =>
      err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? reply.status(414).send(errorBody('URI_TOO_LONG'))
        : reply.status(400).send(errorBody('BAD_REQUEST')),
  }) satisfies FastifyServerOptions;

/** Builds a ready-to-listen Fastify instance around the app plugin (server.ts and tests share it). */
export async function buildApp(
  deps: TAppDeps,
  options: TBuildOptions = {},
): Promise<FastifyInstance> {
  const logger = options.logStream
    ? { ...loggerOptions(deps.config), stream: options.logStream }
    : loggerOptions(deps.config);
  const fastify = Fastify({
    logger,
    ...serverOptions(deps.config),
  }).withTypeProvider<ZodTypeProvider>();
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  await fastify.register(app, deps);
  for (const plugin of options.plugins ?? []) await fastify.register(plugin);
  return fastify;
}
