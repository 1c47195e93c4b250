import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import postgres from 'postgres';
import { startEmbeddedPostgres, type TLocalPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';
import { withDatabase } from './database-url';

/** Copied as empty folders: their contents belong to the running primary only (see the docs' list). */
const EMPTIED = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
/** Not copied at all. */
const SKIPPED = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'tablespace_map',
  'standby.signal',
  'recovery.signal',
  'pg_internal.init',
]);

/**
 * A hot standby of `primary`, streaming from it, made the way pg_basebackup would but with the
 * low-level API (the embedded package has no pg_basebackup): a replication role and slot,
 * pg_backup_start, a copy of the data folder without what belongs to the running server,
 * pg_backup_stop's backup_label, standby.signal and primary_conninfo, then Postgres on its own
 * port. `database` must already exist on the primary (it arrives with the copy).
 */
export async function startStreamingReplica(
  primary: TLocalPostgres,
  options: { dir: string; password: string; database: string },
): Promise<TLocalPostgres> {
  const primaryUrl = new URL(primary.url);
  const secret = randomBytes(12).toString('hex');
  const slot = `replica_${randomBytes(3).toString('hex')}`;
  const admin = postgres(withDatabase(primary.url, 'postgres'), { max: 1, onnotice: () => {} });
  const dataDir = options.dir;
  try {
    await admin.unsafe(`create role replicator with replication login password '${secret}'`);
    // initdb's pg_hba.conf already lets replication in from 127.0.0.1; say so for this role anyway.
    appendFileSync(
      join(primary.dataDir, 'pg_hba.conf'),
      `\nhost replication replicator 127.0.0.1/32 scram-sha-256\n`,
    );
    await admin`select pg_reload_conf()`;
    // The slot keeps the WAL from the backup's start until the standby has streamed it.
    await admin`select pg_create_physical_replication_slot(${slot}, true)`;

    const session = await admin.reserve(); // start and stop must be in one session
    try {
      await session`select pg_backup_start('replica', true)`;
      copyDataFolder(primary.dataDir, dataDir);
      const [stop] = await session`select labelfile, spcmapfile from pg_backup_stop(false)`;
      writeFileSync(join(dataDir, 'backup_label'), String(stop?.labelfile ?? ''));
      const map = String(stop?.spcmapfile ?? '');
      if (map) writeFileSync(join(dataDir, 'tablespace_map'), map);
    } finally {
      session.release();
    }
  } finally {
    await admin.end();
  }
  writeFileSync(join(dataDir, 'standby.signal'), '');
  appendFileSync(
    join(dataDir, 'postgresql.auto.conf'),
    [
      '',
      `primary_conninfo = 'host=127.0.0.1 port=${primaryUrl.port} user=replicator password=${secret} application_name=saiduan_replica'`,
      `primary_slot_name = '${slot}'`,
      'hot_standby = on',
      '',
    ].join('\n'),
  );
  chmodSync(dataDir, 0o700);
  if (userInfo().uid === 0) spawnSync('chown', ['-R', 'postgres:postgres', dataDir]);
  return startEmbeddedPostgres({
    dir: dataDir,
    port: await freePort(),
    password: options.password,
    database: options.database,
    binaries: primary.binaries,
  });
}

function copyDataFolder(from: string, to: string): void {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      if (source === from) return true;
      const name = basename(source);
      if (SKIPPED.has(name) || name.startsWith('pgsql_tmp')) return false;
      const relative = source.slice(from.length + 1);
      if (EMPTIED.has(relative)) {
        mkdirSync(join(to, relative), { recursive: true, mode: 0o700 });
        return false;
      }
      return true;
    },
  });
  mkdirSync(join(to, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
  mkdirSync(join(to, 'pg_wal', 'summaries'), { recursive: true, mode: 0o700 });
}
