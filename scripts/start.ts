import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { ConfigError, parseConfig } from '../src/config/config';
import { openDatabase } from '../src/infra/database';
import { runMigrations } from '../db/migrate';
import { seedReference } from '../db/seed/reference.seed';
import { seedPartners } from '../db/seed/partners.seed';
import { seedDemo, type TDemoLogin } from '../db/seed/demo.seed';
import { startEmbeddedPostgres } from './local/embedded-postgres';
import { ensureRedisServer, startLocalRedis } from './local/local-redis';
import { keyringFromConfig } from '../src/modules/crypto/keyring';
import {
  demoPasswordFor,
  demoTotpSecretFor,
  loadOrCreateSecrets,
  saveSecrets,
} from './local/secrets';
import { runService, services, stopService } from './local/services';
import { buildWebIfNeeded } from './local/web-build';

// `npm start`: the whole system on one machine with embedded defaults. Order matters:
// stores → migrations → seed → web build → API, workers, simulator. Ctrl-C stops all of it.

const say = (line: string) => process.stdout.write(`[saiduan] ${line}\n`);

// The launcher reads process.env only to pass it on; the children parse it with src/config.
const dataDir = resolve(process.env.DATA_DIR || '.data');
const secrets = loadOrCreateSecrets(dataDir);
const env: NodeJS.ProcessEnv = {
  SERVE_WEB: 'true',
  COOKIE_SECURE: 'false',
  DEMO_DATA: 'true',
  ENCRYPTION_KEYS: secrets.ENCRYPTION_KEYS,
  HMAC_KEY: secrets.HMAC_KEY,
  TWILIO_ACCOUNT_SID: secrets.TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: secrets.TWILIO_AUTH_TOKEN,
  ...process.env, // anything the user set wins over the generated demo values
  DATA_DIR: dataDir,
};

let config;
try {
  config = parseConfig(env);
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  throw err;
}

const cleanups: Array<() => Promise<void>> = [];
const children: ChildProcess[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  say('stopping…');
  await Promise.all(children.map((c) => stopService(c)));
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  say('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    say('starting embedded Postgres (data in .data/postgres)…');
    const pg = await startEmbeddedPostgres({
      dir: join(dataDir, 'postgres'),
      port: config.EMBEDDED_POSTGRES_PORT,
      password: secrets.postgresPassword,
      database: 'saiduan',
    });
    cleanups.push(pg.stop);
    // As root from a folder the postgres OS user cannot enter (/root), the data lives elsewhere.
    if (pg.dataDir !== join(dataDir, 'postgres')) say(`embedded Postgres data in ${pg.dataDir}`);
    databaseUrl = pg.url;
  }
  let redisUrl = config.REDIS_URL;
  if (!redisUrl) {
    ensureRedisServer(say);
    say('starting local Redis (AOF, noeviction, password; data in .data/redis)…');
    const redis = await startLocalRedis({
      dir: join(dataDir, 'redis'),
      port: config.LOCAL_REDIS_PORT,
      password: secrets.redisPassword,
    });
    cleanups.push(redis.stop);
    redisUrl = redis.url;
  }

  const database = openDatabase(databaseUrl, { max: 2 });
  await runMigrations(database);
  await seedReference(database.db);
  if (config.DEMO_DATA) await seedPartners(database.db);
  let logins: TDemoLogin[] = [];
  if (config.DEMO_DATA) {
    logins = await seedDemo(database.db, demoPasswordFor(secrets), {
      keyring: keyringFromConfig(config),
      secretFor: demoTotpSecretFor(secrets),
    });
    saveSecrets(dataDir, secrets);
  }
  await database.close();

  if (config.SERVE_WEB) await buildWebIfNeeded(say);

  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    TWILIO_API_BASE_URL: env.TWILIO_API_BASE_URL ?? `http://127.0.0.1:${config.SIMULATOR_PORT}`,
  };
  for (const service of services) {
    children.push(
      runService(service, childEnv, (code) => {
        if (!stopping) {
          process.stderr.write(
            `[saiduan] ${service.name} exited (code ${code}); stopping everything\n`,
          );
          void stopAll(1);
        }
      }),
    );
  }

  const url = `http://localhost:${config.PORT}`;
  await waitForReady(`http://127.0.0.1:${config.PORT}/readyz`);
  say(`ready: ${url}   (API docs: ${url}/docs)`);
  if (existsSync(join(dataDir, 'secrets.json')) && logins.length) {
    say('demo logins (generated for this machine, kept in .data/secrets.json):');
    for (const l of logins) {
      const totp = l.totpSecret ? `  (TOTP secret ${l.totpSecret})` : '';
      say(`  ${l.role.padEnd(16)} ${l.username.padEnd(15)} ${l.password}${totp}`);
    }
    if (logins.some((l) => l.totpSecret))
      say(
        'type a TOTP secret into an authenticator app (Aegis, Google Authenticator…) for its codes',
      );
  }
  say('press Ctrl-C to stop');
} catch (err) {
  process.stderr.write(
    `[saiduan] could not start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  await stopAll(1);
}

async function waitForReady(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become ready within 2 minutes`);
}
