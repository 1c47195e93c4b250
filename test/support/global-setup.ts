import { randomBytes } from 'node:crypto';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/infra/database';
import { runMigrations } from '../../db/migrate';
import { seedCategories } from '../../db/seed/categories.seed';
import { startEmbeddedPostgres, type TLocalPostgres } from '../../scripts/local/embedded-postgres';
import {
  ensureRedisServer,
  startLocalRedis,
  type TLocalRedis,
} from '../../scripts/local/local-redis';
import { freePort } from '../../scripts/local/free-port';
import { withDatabase } from './database-url';
import { ensureChromium } from './chromium';
import { keepFailureExitCode } from './keep-failure-exit-code';

keepFailureExitCode();

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    redisUrl: string;
  }
}

export const TEMPLATE_DATABASE = 'saiduan_template';

/**
 * One real Postgres and one real Redis per test run, on free ports in a temp folder, so several
 * runs (or developers) never share state. DATABASE_URL / REDIS_URL point at external servers instead.
 * Migrations run once into a template database; each test file clones it (see context.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // What the run needs that npm cannot install comes first: installed as root, or one line on how.
  try {
    if (!process.env.REDIS_URL) ensureRedisServer((line) => console.log(line));
    if (await runsBrowserTests(project)) ensureChromium((line) => console.log(line));
  } catch (err) {
    process.stderr.write(`\n${err instanceof Error ? err.message : String(err)}\n\n`);
    process.exit(1);
  }

  const stops: Array<() => Promise<void>> = [];
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-test-'));
  chmodSync(dir, 0o755); // the postgres OS user must reach its data folder when we run as root

  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const pg: TLocalPostgres = await startEmbeddedPostgres({
      dir: join(dir, 'postgres'),
      port: await freePort(),
      password: 'test',
      database: 'postgres',
    });
    stops.push(pg.stop);
    adminUrl = pg.url;
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redis: TLocalRedis = await startLocalRedis({
      dir: join(dir, 'redis'),
      port: await freePort(),
      // A password, as `npm start` sets one, so every test connects the way production does.
      password: randomBytes(12).toString('base64url'),
    });
    stops.push(redis.stop);
    redisUrl = redis.url;
  }

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const template = openDatabase(withDatabase(adminUrl, TEMPLATE_DATABASE), { max: 2 });
  await runMigrations(template);
  // The categories every case and contact is checked against: tests file cases under them.
  await seedCategories(template.db);
  await template.close();

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  project.provide('redisUrl', redisUrl);

  return async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Only a run that includes a browser test needs Chromium (`npx vitest run test/unit` does not). */
async function runsBrowserTests(project: TestProject): Promise<boolean> {
  // The command line's file filters: Vitest keeps them as `filenamePattern` (not in its types).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles.some((file) => file.includes('/test/e2e/'));
}
