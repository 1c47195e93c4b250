import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, chmodSync, statSync } from 'node:fs';
import { Redis } from 'ioredis';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/local/free-port';

// Runs the real `npm start` launcher twice on a temporary data folder and free ports.
const dataDir = mkdtempSync(join(tmpdir(), 'saiduan-start-'));
chmodSync(dataDir, 0o755);

type TRun = { child: ChildProcess; output: () => string; port: number };

async function start(ports: {
  api: number;
  pg: number;
  redis: number;
  sim: number;
}): Promise<TRun> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(ports.api),
      EMBEDDED_POSTGRES_PORT: String(ports.pg),
      LOCAL_REDIS_PORT: String(ports.redis),
      SIMULATOR_PORT: String(ports.sim),
      SERVE_WEB: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await expect
    .poll(() => output, { timeout: 90_000, interval: 250 })
    .toContain('press Ctrl-C to stop');
  return { child, output: () => output, port: ports.api };
}

async function stop(run: TRun): Promise<void> {
  const exited = new Promise((r) => run.child.once('exit', r));
  run.child.kill('SIGINT');
  await exited;
}

/** Processes whose command line mentions our temporary data folder (postgres, redis-server). */
function processesUsing(dir: string): string[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        return '';
      }
    })
    .filter((cmd) => cmd.includes(dir));
}

/** Every path under `dir` with its permission bits. */
function modesUnder(dir: string): Array<{ path: string; dir: boolean; mode: number }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    const here = { path, dir: stat.isDirectory(), mode: stat.mode & 0o777 };
    return stat.isDirectory() ? [here, ...modesUnder(path)] : [here];
  });
}

/**
 * Redis answers only with the generated password kept in secrets.json, and no other local user
 * can read its files (sessions, queues) or the secrets.
 */
async function expectRedisLockedDown(port: number): Promise<void> {
  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
  expect(secrets.redisPassword).toMatch(/^[\w-]{24,}$/);
  const anonymous = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    enableReadyCheck: false,
    maxRetriesPerRequest: 0,
  });
  // ioredis reports the refusal (NOAUTH on its HELLO) as an error event, then fails the command.
  const refusals: string[] = [];
  anonymous.on('error', (err: Error) => refusals.push(err.message));
  await expect(anonymous.connect().then(() => anonymous.ping())).rejects.toThrow();
  expect(refusals.join('\n')).toMatch(/NOAUTH/);
  anonymous.disconnect();
  const owner = new Redis({ port, host: '127.0.0.1', password: secrets.redisPassword });
  expect(await owner.ping()).toBe('PONG');
  owner.disconnect();

  // Group and others may at most pass through the data folder (root runs Postgres as `postgres`).
  expect(statSync(dataDir).mode & 0o066).toBe(0);
  expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  const redisDir = join(dataDir, 'redis');
  const redisFiles = [
    { path: redisDir, dir: true, mode: statSync(redisDir).mode & 0o777 },
    ...modesUnder(redisDir),
  ];
  expect(redisFiles.some((f) => f.path.includes('appendonly'))).toBe(true);
  for (const f of redisFiles) expect(f).toEqual({ ...f, mode: f.dir ? 0o700 : 0o600 });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it(
    'brings the system up, stops without strays, and reuses its data on the next start',
    { timeout: 240_000 },
    async () => {
      const ports = {
        api: await freePort(),
        pg: await freePort(),
        redis: await freePort(),
        sim: await freePort(),
      };
      const first = await start(ports);
      const ready = await fetch(`http://127.0.0.1:${first.port}/readyz`);
      expect(ready.status).toBe(200);
      const firstLogins = first.output().match(/admin\s+(admin-\S+)/)?.[1];
      expect(firstLogins).toBeDefined();
      await expectRedisLockedDown(ports.redis);
      await stop(first);
      expect(processesUsing(dataDir)).toEqual([]);

      const second = await start(ports);
      expect(second.output().match(/admin\s+(admin-\S+)/)?.[1]).toBe(firstLogins);
      expect((await fetch(`http://127.0.0.1:${second.port}/readyz`)).status).toBe(200);
      await stop(second);
      expect(processesUsing(dataDir)).toEqual([]);
    },
  );

  it('stops with one line naming a malformed DATABASE_URL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: 'not-a-url',
        REDIS_URL: 'redis://127.0.0.1:1',
        HMAC_KEY: 'x',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(78);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/DATABASE_URL/);
    expect(stderr).not.toMatch(/\bat \S+:\d+/);
  });
});
