import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { generateSecret } from 'otplib';

export type TLocalSecrets = {
  ENCRYPTION_KEYS: string;
  HMAC_KEY: string;
  TWILIO_ACCOUNT_SID: string;
  TWILIO_AUTH_TOKEN: string;
  postgresPassword: string;
  /** Local Redis `requirepass` (older files lack it: it is added and saved at the next start). */
  redisPassword?: string;
  demoPasswords: Record<string, string>;
  /** Base32 TOTP secrets of demo users who need a second factor (older files lack it). */
  demoTotpSecrets?: Record<string, string>;
};

const readable = () => randomBytes(9).toString('base64url');

/**
 * Demo keys are generated at first start and kept (mode 600) in the data folder, never in the
 * repository. Deleting the data folder starts over with new keys and an empty database.
 */
export function loadOrCreateSecrets(dataDir: string): TLocalSecrets {
  const file = join(dataDir, 'secrets.json');
  lockDataDir(dataDir);
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as TLocalSecrets;
    if (saved.redisPassword) return saved;
    saved.redisPassword = randomBytes(24).toString('base64url');
    saveSecrets(dataDir, saved);
    return saved;
  }
  const secrets: TLocalSecrets = {
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    HMAC_KEY: randomBytes(32).toString('base64'),
    TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`,
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    postgresPassword: randomBytes(18).toString('base64url'),
    redisPassword: randomBytes(24).toString('base64url'),
    demoPasswords: {},
  };
  saveSecrets(dataDir, secrets);
  return secrets;
}

/**
 * The data folder holds the keys, the database and Redis: no other local user may list or read
 * it. As root, embedded Postgres runs as the `postgres` account, which must pass through to its
 * own 0700 folder inside; it gets search (x) but still no listing or reading of the rest.
 */
function lockDataDir(dataDir: string): void {
  const mode = userInfo().uid === 0 ? 0o711 : 0o700;
  mkdirSync(dataDir, { recursive: true, mode });
  chmodSync(dataDir, mode);
}

export function saveSecrets(dataDir: string, secrets: TLocalSecrets): void {
  const file = join(dataDir, 'secrets.json');
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** A readable demo password per user, created once and then reused. */
export function demoPasswordFor(secrets: TLocalSecrets) {
  return (username: string): string =>
    (secrets.demoPasswords[username] ??= `${username}-${readable()}`);
}

/** A TOTP secret per demo user who needs one, created once and then reused. */
export function demoTotpSecretFor(secrets: TLocalSecrets) {
  return (username: string): string => {
    secrets.demoTotpSecrets ??= {};
    return (secrets.demoTotpSecrets[username] ??= generateSecret());
  };
}
