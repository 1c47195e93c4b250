import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { runMigrations } from '../../../db/migrate';
import {
  startEmbeddedPostgres,
  type TLocalPostgres,
} from '../../../scripts/local/embedded-postgres';
import { openDatabase } from '../../../src/infra/database';
import type { Redis } from 'ioredis';
import { freePort } from '../../../scripts/local/free-port';
import { startLocalRedis, type TLocalRedis } from '../../../scripts/local/local-redis';
import { openRedis, redisReady } from '../../../src/infra/redis';
import { createSimulator, type TSimulator } from '../../../src/simulator/simulator';
import { createHotline } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { testConfig } from '../../support/test-config';
import { buildTestApp, type TLogCapture } from '../../support/test-app';
import { startWebhookProxy, type TWebhookProxy } from './webhook-proxy';

/** A Redis of the scenario's own, so it can be killed without touching anyone else's. */
export type TOwnRedis = {
  url: string;
  kill: () => void;
  restart: (options?: { loseData?: boolean }) => Promise<void>;
  stop: () => Promise<void>;
};

async function ownRedis(): Promise<TOwnRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-fault-redis-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  let server: TLocalRedis = await startLocalRedis({ dir, port });
  return {
    url: server.url,
    kill: () => void server.process.kill('SIGKILL'),
    async restart(options = {}) {
      if (server.process.exitCode === null && server.process.signalCode === null)
        await server.stop();
      if (options.loseData) rmSync(dir, { recursive: true, force: true });
      server = await startLocalRedis({ dir, port });
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Postgres of the scenario's own (migrated), so it can be stopped and started again. */
export type TOwnPostgres = {
  url: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  remove: () => Promise<void>;
};

async function ownPostgres(): Promise<TOwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-fault-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const options = { dir: join(dir, 'pg'), port, password: 'fault', database: 'fault' };
  let pg: TLocalPostgres | null = await startEmbeddedPostgres(options);
  const migrator = openDatabase(pg.url, { max: 2 });
  await runMigrations(migrator);
  await migrator.close();
  return {
    url: pg.url,
    async stop() {
      await pg?.stop();
      pg = null;
    },
    async start() {
      pg = await startEmbeddedPostgres(options);
    },
    async remove() {
      await pg?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stores on our own Postgres (database URL given) and the run's shared Redis. */
function storesOn(databaseUrl: string, overrides: Record<string, string>): TTestStores {
  const redisUrl = inject('redisUrl');
  const config = testConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `f${randomBytes(5).toString('hex')}`,
    ...overrides,
  });
  const database = openDatabase(databaseUrl, { max: 5 });
  const redis = openRedis(redisUrl);
  redis.on('error', () => {});
  return {
    config,
    database,
    redis,
    cleanup: async () => {
      await database.close();
      const keys = await redis.keys(`${config.REDIS_PREFIX}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

export type TFaultRig = {
  stores: TTestStores;
  app: FastifyInstance;
  logs: TLogCapture;
  redis: Redis;
  ownRedis: TOwnRedis | null;
  ownPostgres: TOwnPostgres | null;
  proxy: TWebhookProxy;
  sim: TSimulator;
  queuedEvents: Map<string, number>;
  /** The API nodes the proxy sends webhooks to, in turn; a scenario adds and removes nodes. */
  apiUrls: string[];
  close: () => Promise<void>;
};

/**
 * The system under a fault: the API on a real port behind the webhook proxy (which is
 * PUBLIC_BASE_URL, so Twilio's signatures hold), the telephony simulator as Twilio, real
 * Postgres, and Redis either the run's shared server or one of the scenario's own to kill.
 */
export async function startFaultRig(
  options: {
    ownRedis?: boolean;
    ownPostgres?: boolean;
    /** A Redis topology the scenario started (Sentinel or Cluster URL): the API works on it. */
    redisUrl?: string;
    msPerSecond?: number;
    env?: Record<string, string>;
  } = {},
): Promise<TFaultRig> {
  const [apiPort, simPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  // The proxy stands where the load balancer would: it spreads webhooks over the live API nodes.
  const apiUrls = [apiUrl];
  let turn = 0;
  const proxy = await startWebhookProxy(() => apiUrls[turn++ % apiUrls.length] ?? apiUrl);
  const own = options.ownRedis ? await ownRedis() : null;
  const pg = options.ownPostgres ? await ownPostgres() : null;
  const env = {
    PUBLIC_BASE_URL: proxy.url,
    TWILIO_API_BASE_URL: `http://127.0.0.1:${simPort}`,
    RATE_LIMIT_MAX: '1000000',
    ...(own ? { REDIS_URL: own.url } : {}),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };
  const stores = pg ? storesOn(pg.url, env) : await createTestStores(env);
  await createHotline(stores.database.db);
  let redis = stores.redis;
  const appRedisUrl = options.redisUrl ?? own?.url;
  if (appRedisUrl) {
    redis = openRedis(appRedisUrl);
    redis.on('error', () => {});
    await redisReady(redis);
  }
  const { app, logs } = await buildTestApp({ ...stores, redis });
  const queuedEvents = new Map<string, number>();
  app.callLifecycle.on('caller.queued', ({ callSid }) => {
    queuedEvents.set(callSid, (queuedEvents.get(callSid) ?? 0) + 1);
  });
  await app.listen({ host: '127.0.0.1', port: apiPort });
  const sim = await createSimulator({
    accountSid: stores.config.TWILIO_ACCOUNT_SID,
    authToken: stores.config.TWILIO_AUTH_TOKEN,
    serverBaseUrl: proxy.url,
    msPerSecond: options.msPerSecond ?? 20,
    playSeconds: 1,
    mobileAnswerSeconds: null,
    hotlineNumbers: { '1362': '+85621136200' },
  });
  await sim.app.listen({ host: '127.0.0.1', port: simPort });
  return {
    stores,
    app,
    logs,
    redis,
    ownRedis: own,
    ownPostgres: pg,
    proxy,
    sim,
    queuedEvents,
    apiUrls,
    close: async () => {
      for (const call of sim.engine.state.calls.values()) sim.engine.hangup(call);
      await sim.app.close();
      await app.close();
      await proxy.close();
      if (appRedisUrl) redis.disconnect();
      await stores.cleanup();
      await own?.stop();
      await pg?.remove();
    },
  };
}
