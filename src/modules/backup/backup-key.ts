import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { BackupKeyError } from './backup-cipher';

export type TBackupKey = { key: Buffer; source: string; created: boolean };

/** Where `npm run backup` keeps a key it made itself: the user's home, never beside backups. */
export const DEFAULT_KEY_FILE = join(homedir(), '.config', 'saiduan', 'backup.key');

function parseKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw new BackupKeyError(`${source} must hold 32 bytes in base64 (openssl rand -base64 32)`);
  return key;
}

/**
 * The backup key: BACKUP_KEY (base64), else the file BACKUP_KEY_FILE names, else the default
 * key file. Only `npm run backup` may create that file (restore never invents a key).
 */
export function loadBackupKey(
  env: Record<string, string | undefined>,
  options: { create: boolean },
): TBackupKey {
  if (env.BACKUP_KEY)
    return { key: parseKey(env.BACKUP_KEY, 'BACKUP_KEY'), source: 'BACKUP_KEY', created: false };
  const file = env.BACKUP_KEY_FILE || DEFAULT_KEY_FILE;
  if (existsSync(file))
    return { key: parseKey(readFileSync(file, 'utf8'), file), source: file, created: false };
  if (!options.create || env.BACKUP_KEY_FILE)
    throw new BackupKeyError(
      `no backup key: set BACKUP_KEY (base64 of 32 bytes) or BACKUP_KEY_FILE (missing: ${file})`,
    );
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return { key, source: file, created: true };
}
