import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../src/infra/database';
import { openRedis } from '../../src/infra/redis';
import { JobQueues } from '../../src/jobs/job-queues';
import { BackupCorruptError, BackupKeyError } from '../../src/modules/backup/backup-cipher';
import { readBackupManifest } from '../../src/modules/backup/backup-archive';
import { loadBackupKey } from '../../src/modules/backup/backup-key';
import { restoreBackup, RestoreRefusedError } from '../../src/modules/backup/backup-restore';
import {
  describeReconcile,
  reconcileAfterRestore,
} from '../../src/modules/backup/restore-reconcile.service';
import { ensureRedisServer, startLocalRedis } from '../local/local-redis';
import { saveSecrets, type TLocalSecrets } from '../local/secrets';
import {
  dataDir,
  embeddedRunning,
  embeddedUrl,
  loadLocalSecrets,
  localConfig,
  openEmbedded,
  say,
  stop,
} from './local-target';

// `npm run restore -- <file>`: restores a backup into a NEW database — the embedded one (no
// .data/postgres yet) or an empty DATABASE_URL — then reconciles what lived only in Redis and
// says what it did. It never writes over a database that holds data. `--reconcile-only` does
// just the reconciling, on DATABASE_URL (after a point-in-time recovery with pgBackRest/WAL-G).

const reconcileOnly = process.argv[2] === '--reconcile-only';
const file = process.argv[2] ?? '';
if (reconcileOnly && !process.env.DATABASE_URL)
  stop('--reconcile-only works on DATABASE_URL: set it to the recovered database');
if (!reconcileOnly && !existsSync(file))
  stop('usage: npm run restore -- <backup file>   (or --reconcile-only with DATABASE_URL)');
const cleanups: Array<() => Promise<void>> = [];
const finish = async (code: number, line?: string): Promise<never> => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  if (line) stop(line, code);
  process.exit(code);
};

try {
  if (reconcileOnly) {
    await reconcile(process.env.DATABASE_URL as string, loadLocalSecrets());
    await finish(0);
  }
  const { key } = loadBackupKey(process.env, { create: false });
  const manifest = await readBackupManifest(resolve(file), key);
  let secrets = loadLocalSecrets();
  const backupSecrets = manifest.localSecrets as TLocalSecrets | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const pgDir = join(dataDir, 'postgres');
    if (existsSync(pgDir) || existsSync(`${pgDir}.location`)) {
      const running =
        secrets &&
        (await embeddedRunning(embeddedUrl(localConfig(secrets), secrets.postgresPassword)));
      stop(
        `${running ? 'stop npm start, then ' : ''}move the current database aside to restore into a new one: mkdir ${dataDir}/before-restore && mv ${pgDir}* ${dataDir}/before-restore/`,
      );
    }
    // The demo's keys come back with its data: a restore on a new machine must read the records.
    if (backupSecrets && (!secrets || secrets.ENCRYPTION_KEYS !== backupSecrets.ENCRYPTION_KEYS)) {
      if (secrets) say(`${dataDir}/secrets.json replaced by the keys the backup was made with`);
      mkdirSync(dataDir, { recursive: true, mode: 0o755 });
      saveSecrets(dataDir, backupSecrets);
      secrets = backupSecrets;
    }
    if (!secrets)
      stop('this backup holds no embedded keys: set DATABASE_URL and the keys it was made with');
    const config = localConfig(secrets);
    const pg = await openEmbedded(config, secrets);
    cleanups.push(pg.close);
    databaseUrl = pg.url;
  } else {
    // An external server: create the named database when it does not exist yet.
    const url = new URL(databaseUrl);
    const name = decodeURIComponent(url.pathname.slice(1));
    url.pathname = '/postgres';
    const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (!found.length) await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
    await admin.end();
  }
  say(`restoring the backup of ${manifest.createdAt}…`);
  const started = Date.now();
  const restored = await restoreBackup({ databaseUrl, file: resolve(file), key });
  const rows = Object.values(restored.rows).reduce((a, b) => a + b, 0);
  say(
    `restored ${rows} rows in ${manifest.tables.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await reconcile(databaseUrl, secrets);
  await finish(0);
} catch (err) {
  if (
    err instanceof BackupKeyError ||
    err instanceof BackupCorruptError ||
    err instanceof RestoreRefusedError
  )
    await finish(1, err.message);
  await finish(1, `restore failed: ${err instanceof Error ? err.message : String(err)}`);
}

/** Ends what lived only in Redis and re-queues the outbox (restore-reconcile.service), then says so. */
async function reconcile(databaseUrl: string, secrets: TLocalSecrets | null): Promise<void> {
  const config = localConfig(secrets);
  let redisUrl = config.REDIS_URL;
  if (!redisUrl) {
    ensureRedisServer(say);
    const redis = await startLocalRedis({
      dir: join(dataDir, 'redis'),
      port: config.LOCAL_REDIS_PORT,
    });
    cleanups.push(redis.stop);
    redisUrl = redis.url;
  }
  const database = openDatabase(databaseUrl, { max: 2 });
  cleanups.push(database.close);
  const queueRedis = openRedis(redisUrl, 'worker');
  const queues = new JobQueues(queueRedis, config.REDIS_PREFIX);
  cleanups.push(async () => {
    await queues.close();
    queueRedis.disconnect();
  });
  const summary = await reconcileAfterRestore({ db: database.db, config, queues });
  for (const line of describeReconcile(summary)) say(line);
  say('done: npm start runs on the restored database; workers deliver the re-queued referrals');
}
