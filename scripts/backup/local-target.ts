import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { ConfigError, parseConfig, type TConfig } from '../../src/config/config';
import { startEmbeddedPostgres } from '../local/embedded-postgres';
import { loadOrCreateSecrets, type TLocalSecrets } from '../local/secrets';

export const say = (line: string) => process.stdout.write(`[saiduan] ${line}\n`);

/** Ends the command with one line (exit 1): the person needs what to do, not a stack trace. */
export function stop(line: string, code = 1): never {
  process.stderr.write(`[saiduan] ${line}\n`);
  process.exit(code);
}

export const dataDir = resolve(process.env.DATA_DIR || '.data');
export const secretsFile = join(dataDir, 'secrets.json');

/** The configuration npm start would run with (its generated demo keys under the user's own). */
export function localConfig(secrets: TLocalSecrets | null): TConfig {
  try {
    return parseConfig({
      ...(secrets && {
        ENCRYPTION_KEYS: secrets.ENCRYPTION_KEYS,
        HMAC_KEY: secrets.HMAC_KEY,
        TWILIO_ACCOUNT_SID: secrets.TWILIO_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: secrets.TWILIO_AUTH_TOKEN,
      }),
      ...process.env,
      DATA_DIR: dataDir,
    });
  } catch (err) {
    if (err instanceof ConfigError) stop(err.message, 78);
    throw err;
  }
}

export function loadLocalSecrets(): TLocalSecrets | null {
  return existsSync(secretsFile) ? loadOrCreateSecrets(dataDir) : null;
}

/** True when something answers as the embedded Postgres (npm start is running). */
export async function embeddedRunning(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

export function embeddedUrl(config: TConfig, password: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.EMBEDDED_POSTGRES_PORT}/saiduan`;
}

/** The embedded Postgres of npm start: the running one, or started for this command. */
export async function openEmbedded(
  config: TConfig,
  secrets: TLocalSecrets,
): Promise<{ url: string; close: () => Promise<void> }> {
  const url = embeddedUrl(config, secrets.postgresPassword);
  if (await embeddedRunning(url)) return { url, close: async () => {} };
  const pg = await startEmbeddedPostgres({
    dir: join(dataDir, 'postgres'),
    port: config.EMBEDDED_POSTGRES_PORT,
    password: secrets.postgresPassword,
    database: 'saiduan',
  });
  return { url: pg.url, close: pg.stop };
}
