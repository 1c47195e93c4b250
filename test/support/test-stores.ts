import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { Redis } from 'ioredis';
import { inject } from 'vitest';
import type { TConfig } from '../../src/config/config';
import { openDatabase, type TDatabaseHandle } from '../../src/infra/database';
import { openRedis, redisReady } from '../../src/infra/redis';
import { withDatabase } from './database-url';
import { testConfig } from './test-config';

export type TTestStores = {
  config: TConfig;
  database: TDatabaseHandle;
  redis: Redis;
  /** Drops the database and this file's Redis keys. */
  cleanup: () => Promise<void>;
};

/**
 * A fresh, migrated database cloned from the run's template and a unique Redis key prefix:
 * each test file is isolated from every other one running beside it.
 */
export async function createTestStores(
  overrides: Record<string, string> = {},
): Promise<TTestStores> {
  const adminUrl = inject('adminDatabaseUrl');
  const redisUrl = inject('redisUrl');
  const id = randomBytes(6).toString('hex');
  const name = `t_${id}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject('templateDatabase')}`);
  await admin.end();

  const databaseUrl = withDatabase(adminUrl, name);
  const config = testConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `t${id}`,
    ...overrides,
  });
  const database = openDatabase(databaseUrl, { max: 5 });
  const redis = openRedis(redisUrl);
  redis.on('error', () => {});
  await redisReady(redis);

  return {
    config,
    database,
    redis,
    cleanup: async () => {
      await database.close();
      redis.disconnect();
      // A tidy-up connection of its own: the test may have broken or closed the one it was given.
      const tidy = openRedis(redisUrl, 'worker');
      const keys = await tidy.keys(`${config.REDIS_PREFIX}*`);
      if (keys.length) await tidy.del(...keys);
      tidy.disconnect();
      const drop = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await drop.unsafe(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
