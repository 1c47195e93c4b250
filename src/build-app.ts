import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { app } from './app';
import type { TAppDeps } from './app.types';
import { loggerOptions } from './logger';

export type TBuildOptions = {
  logStream?: DestinationStream;
  /** Extra plugins registered after the app (tests, the simulator's mounted mode). */
  plugins?: FastifyPluginAsync[];
};

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
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    trustProxy: true,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  await fastify.register(app, deps);
  for (const plugin of options.plugins ?? []) await fastify.register(plugin);
  return fastify;
}
