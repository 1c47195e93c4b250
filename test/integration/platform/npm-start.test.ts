import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, chmodSync } from 'node:fs';
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
