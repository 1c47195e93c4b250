import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { stopStaleProcess } from './stale-process';
import { ensureDebianTool } from './debian-package';

export type TLocalRedis = { url: string; process: ChildProcess; stop: () => Promise<void> };

const howToGetRedis = [
  'Saiduan needs Redis 6.2 or newer and could not find or install `redis-server`.',
  'Get one of these, then run the command again:',
  '  Debian/Ubuntu:  sudo apt-get install -y redis-server',
  '  macOS:          brew install redis',
  '  Docker:         docker compose up -d redis   (then REDIS_URL=redis://localhost:6379)',
  '  Any server:     REDIS_URL=redis://host:6379 npm start',
].join('\n');

/** Finds `redis-server`; installs Debian's package when we are root with apt; otherwise explains. */
export function ensureRedisServer(log: (line: string) => void): void {
  ensureDebianTool(
    {
      name: 'redis-server',
      debianPackage: 'redis-server',
      isPresent: () => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0,
      howTo: howToGetRedis,
    },
    log,
  );
  // Debian starts its own service on 6379; we run our own instance and leave that one alone.
}

/**
 * Only the account that runs Redis may read its folder: the AOF holds sessions, queues and
 * everything else Redis keeps. Folders become 0700 and files 0600, also those an older run left.
 */
function lockDown(path: string): void {
  const isDir = statSync(path).isDirectory();
  chmodSync(path, isDir ? 0o700 : 0o600);
  if (isDir) for (const name of readdirSync(path)) lockDown(join(path, name));
}

/** redis.conf value quoting: the folder may hold spaces. */
const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Starts redis-server with AOF and `noeviction` (BullMQ needs both) on loopback. With a
 * password it requires one (`requirepass`): the setting goes in a 0600 config file rather than
 * on the command line, which every local user can read in the process list. The server runs
 * with umask 077, so the files it writes later are its own too.
 */
export async function startLocalRedis(options: {
  dir: string;
  port: number;
  password?: string;
  log?: (line: string) => void;
}): Promise<TLocalRedis> {
  // Benchmarks and scripts start Redis without a setup step of their own: find it (or install it,
  // or say how) here too. Once found, the process does not look again (ensureDebianTool).
  ensureRedisServer((line) => console.log(line));
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  lockDown(dir);
  const pidFile = join(dir, 'redis.pid');
  await stopStaleProcess(pidFile, 'redis-server');
  const confFile = join(dir, 'redis.conf');
  const settings = [
    `port ${options.port}`,
    'bind 127.0.0.1',
    `dir ${quoted(dir)}`,
    'appendonly yes',
    'maxmemory-policy noeviction',
    'save ""',
    'daemonize no',
    'protected-mode yes',
    ...(options.password ? [`requirepass ${quoted(options.password)}`] : []),
  ];
  writeFileSync(confFile, `${settings.join('\n')}\n`, { mode: 0o600 });
  chmodSync(confFile, 0o600);
  const child = spawn('sh', ['-c', 'umask 077 && exec redis-server "$0"', confFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => options.log?.(d.toString()));
  child.stderr?.on('data', (d: Buffer) => options.log?.(d.toString()));
  if (child.pid) writeFileSync(pidFile, String(child.pid), { mode: 0o600 });
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  const url = `redis://${auth}127.0.0.1:${options.port}`;
  await waitForRedis(url, child);
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Waits until a Redis answers PING (10 s at most): by URL, or by port and password (a node of a
 * Sentinel or Cluster topology); fails at once when the process it belongs to has exited.
 */
export async function waitForRedis(
  target: string | { port: number; password: string },
  child?: ChildProcess,
): Promise<void> {
  const probeOptions = { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child && child.exitCode !== null)
      throw new Error(`redis-server exited with code ${child.exitCode}`);
    const probe =
      typeof target === 'string'
        ? new Redis(target, probeOptions)
        : new Redis({ ...target, ...probeOptions });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      probe.disconnect();
    }
  }
  const where = typeof target === 'string' ? '' : ` on ${target.port}`;
  throw new Error(`redis-server${where} did not answer within 10 s`);
}
