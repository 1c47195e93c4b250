import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureDebianTool } from '../../scripts/local/debian-package';
import { freePort } from '../../scripts/local/free-port';
import { waitForPort } from './wait-for-port';

const HAPROXY = '/usr/sbin/haproxy';
// The production file itself (docker-compose's `lb`): the test proves the shipped settings.
const CONFIG = fileURLToPath(new URL('../../deploy/haproxy.cfg', import.meta.url));

export type THaproxy = { url: string; stop: () => Promise<void> };

/** Debian's HAProxy, installed as root when missing (as npm test does for Redis and Chromium). */
export function ensureHaproxy(): void {
  ensureDebianTool(
    {
      name: HAPROXY,
      debianPackage: 'haproxy',
      isPresent: () => existsSync(HAPROXY),
      howTo: `This test needs Debian's HAProxy at ${HAPROXY}: run \`sudo apt-get update && sudo apt-get install -y haproxy\`, then the tests again.`,
    },
    (line) => console.log(line),
  );
}

/** HAProxy with deploy/haproxy.cfg in front of exactly three API nodes (`host:port` each). */
export async function startHaproxy(nodes: [string, string, string]): Promise<THaproxy> {
  ensureHaproxy();
  const port = await freePort();
  const child = spawn(HAPROXY, ['-db', '-f', CONFIG], {
    env: {
      ...process.env,
      SAIDUAN_BIND: `127.0.0.1:${port}`,
      SAIDUAN_API1: nodes[0],
      SAIDUAN_API2: nodes[1],
      SAIDUAN_API3: nodes[2],
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const failed = exited.then(() => {
    throw new Error('HAProxy exited at start (its reason is above)');
  });
  await Promise.race([waitForPort(port, 'HAProxy'), failed]);
  failed.catch(() => {}); // once listening, a later exit is stop()'s business
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
