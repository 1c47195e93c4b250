import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSecret } from 'otplib';

export type TLocalSecrets = {
  ENCRYPTION_KEYS: string;
  HMAC_KEY: string;
  TWILIO_ACCOUNT_SID: string;
  TWILIO_AUTH_TOKEN: string;
  postgresPassword: string;
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
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as TLocalSecrets;
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secrets: TLocalSecrets = {
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    HMAC_KEY: randomBytes(32).toString('base64'),
    TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`,
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    postgresPassword: randomBytes(18).toString('base64url'),
    demoPasswords: {},
  };
  saveSecrets(dataDir, secrets);
  return secrets;
}

export function saveSecrets(dataDir: string, secrets: TLocalSecrets): void {
  writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify(secrets, null, 2), { mode: 0o600 });
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
