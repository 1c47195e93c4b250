import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BackupKeyError } from '../../src/modules/backup/backup-cipher';
import { writeBackup } from '../../src/modules/backup/backup-archive';
import { loadBackupKey } from '../../src/modules/backup/backup-key';
import { loadLocalSecrets, localConfig, openEmbedded, say, stop } from './local-target';

// `npm run backup`: an encrypted, checked backup of the database (embedded or DATABASE_URL)
// into BACKUP_DIR (default ./backups). The key is BACKUP_KEY or BACKUP_KEY_FILE, never a file
// in BACKUP_DIR: whoever holds the backups must not hold the key that opens them.

const secrets = loadLocalSecrets();
const config = localConfig(secrets);
const outDir = resolve(process.env.BACKUP_DIR || 'backups');

let key;
try {
  key = loadBackupKey(process.env, { create: true });
} catch (err) {
  if (err instanceof BackupKeyError) stop(err.message);
  throw err;
}
if (key.source !== 'BACKUP_KEY' && dirname(resolve(key.source)) === outDir)
  stop(`the backup key ${key.source} is in BACKUP_DIR: keep it somewhere else`);
if (key.created)
  say(
    `made a new backup key in ${key.source}: keep a copy away from the backups (a password manager); without it no backup can be read`,
  );

let target: { url: string; close: () => Promise<void> };
if (config.DATABASE_URL) target = { url: config.DATABASE_URL, close: async () => {} };
else if (!secrets)
  stop(`nothing to back up: no ${'.data/secrets.json'} (npm start never ran here)`);
else target = await openEmbedded(config, secrets);

mkdirSync(outDir, { recursive: true, mode: 0o700 });
const file = join(outDir, `saiduan-${new Date().toISOString().replaceAll(':', '-')}.backup`);
try {
  const started = Date.now();
  const result = await writeBackup({
    databaseUrl: target.url,
    file,
    key: key.key,
    // The embedded demo's keys travel inside the (encrypted) backup: without them a restore on
    // a new machine could not read a single record. With DATABASE_URL, keys live in your secrets store.
    localSecrets: config.DATABASE_URL ? undefined : secrets,
  });
  const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
  say(
    `backup written and checked (decrypted and read back): ${file} — ${(result.bytes / 1e6).toFixed(1)} MB, ${rows} rows in ${result.manifest.tables.length} tables, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (err) {
  await target.close();
  stop(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
}
await target.close();
