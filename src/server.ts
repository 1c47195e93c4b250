import { requireStores } from './config/config';
import { runEntryPoint } from './config/load';
import { API_DATABASE_TIMEOUTS, openDatabase } from './infra/database';
import { openReplica } from './infra/read-replica';
import { openRedis, redisReady } from './infra/redis';
import pino from 'pino';
import { loggerOptions } from './logger';
import { onShutdown } from './infra/shutdown';
import { keepRunningOnStrayRejections } from './infra/stray-rejections';
import { buildApp } from './build-app';

// Only listens and shuts down; everything else is in app.ts.
await runEntryPoint(async (config) => {
  const stores = requireStores(config);
  const database = openDatabase(stores.databaseUrl, {
    ...API_DATABASE_TIMEOUTS,
    pooler: config.DATABASE_POOLER,
  });
  const log = pino(loggerOptions(config));
  keepRunningOnStrayRejections(log);
  const replica = config.DATABASE_REPLICA_URL
    ? openReplica(config.DATABASE_REPLICA_URL, {
        maxLagSeconds: config.REPLICA_MAX_LAG_SECONDS,
        pooler: config.DATABASE_POOLER,
        log: (fields, message) => log.warn(fields, message),
      })
    : undefined;
  const redis = openRedis(stores.redisUrl);
  redis.on('error', () => {}); // reconnects by itself; /readyz reports the outage
  await redisReady(redis); // bounded: with Redis down the API still starts and webhooks fall back
  const app = await buildApp({ config, db: database.db, sql: database.sql, replica, redis });

  onShutdown(async () => {
    app.draining.active = true;
    await new Promise((r) => setTimeout(r, config.SHUTDOWN_DRAIN_MS));
    await app.close();
    await Promise.allSettled([database.close(), replica?.close(), redis.quit()]);
  }, 10_000 + config.SHUTDOWN_DRAIN_MS);
  await app.listen({ host: config.HOST, port: config.PORT });
});
