import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TConfig } from '../../../src/config/config';
import { eventually } from '../../fixtures/simulator.fixture';

/** A real API or worker process of the scenario's own, so it can be SIGKILLed or restarted. */
export type TChild = {
  child: ChildProcess;
  /** Lines the process wrote to stdout (the worker child's progress lines). */
  output: string[];
  waitFor: (line: string, timeoutMs?: number) => Promise<void>;
  kill: () => Promise<void>;
  /** SIGTERM: a graceful stop as a rolling restart does it. */
  stop: () => Promise<void>;
};

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

function start(script: string, config: TConfig, env: Record<string, string>): TChild {
  const fromConfig = Object.fromEntries(
    Object.entries(config).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', root(script)], {
    env: { ...process.env, ...fromConfig, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (d: Buffer) => output.push(...d.toString().split('\n').filter(Boolean)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output,
    waitFor: async (line, timeoutMs = 30_000) => {
      await eventually(() => output.includes(line), timeoutMs);
    },
    kill: async () => {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (alive()) child.kill('SIGTERM');
      const timer = setTimeout(() => alive() && child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A worker process (test/faults/support/worker-child.ts); resolves once its workers are ready. */
export async function startWorkerProcess(
  config: TConfig,
  env: Record<string, string> = {},
): Promise<TChild> {
  const worker = start('test/faults/support/worker-child.ts', config, env);
  await worker.waitFor('ready', 60_000);
  return worker;
}

/** An API node (src/server.ts, exactly as deployed) on `port`; resolves once /readyz answers. */
export async function startApiProcess(config: TConfig, port: number): Promise<TChild> {
  const api = start('src/server.ts', config, { PORT: String(port), HOST: '127.0.0.1' });
  const until = Date.now() + 60_000;
  for (;;) {
    if (api.child.exitCode !== null) throw new Error(`API exited with ${api.child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > until) throw new Error('API not ready in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return api;
}
