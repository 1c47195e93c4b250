import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A process npm start runs; `entry` is a TypeScript file run through tsx. */
export type TService = { name: string; entry: string; nodeArgs?: readonly string[] };

/**
 * The API's V8 flags (the Dockerfile's CMD repeats them). A smaller old space makes V8 collect a
 * surge's garbage sooner: bench:routing (1,000 counsellors, 2,000 callers) peaked at 362 MB RSS
 * without it and 257 MB with it, same latency; the live heap with 1,000 sockets is far below.
 */
export const API_NODE_ARGS = ['--max-old-space-size=192'] as const;

// Add a process here and npm start runs it, prefixes its output and stops it on Ctrl-C.
export const services: TService[] = [
  { name: 'api', entry: 'src/server.ts', nodeArgs: API_NODE_ARGS },
  { name: 'workers', entry: 'workers/main.ts' },
  { name: 'simulator', entry: 'src/simulator/main.ts' },
].filter((s) => existsSync(s.entry));

export function runService(
  service: TService,
  env: NodeJS.ProcessEnv,
  onExit: (code: number | null) => void,
): ChildProcess {
  const child = spawn(
    process.execPath,
    [...(service.nodeArgs ?? []), '--import', 'tsx', service.entry],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const prefix = `[${service.name}] `;
  const pipe = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) out.write(prefix + line + '\n');
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.on('exit', onExit);
  return child;
}

export function stopService(child: ChildProcess, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
