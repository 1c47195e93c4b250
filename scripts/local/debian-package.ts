import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';

export type TDebianTool = {
  /** What the person is told is missing, e.g. "redis-server". */
  name: string;
  /** The Debian package that brings it. */
  debianPackage: string;
  /** True when the tool is there and works. */
  isPresent: () => boolean;
  /** The lines that say how to get it by hand, shown when we cannot install it ourselves. */
  howTo: string;
};

let aptUpdated = false; // `apt-get update` is slow and needed once per process, not per package
/**
 * Tools already found in this process: starting a local Redis checks for the binary each time
 * (benchmarks and scripts have no setup step of their own), and a test run starts many.
 */
const found = new Set<string>();

function canApt(): boolean {
  return (
    userInfo().uid === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

/**
 * Makes sure a tool Saiduan runs (Redis, Chromium for the browser tests) is on this machine:
 * present → nothing; root with apt → installs Debian's package once; otherwise throws `howTo`,
 * which the caller prints as it is (no stack trace: the person needs the command, not our code).
 */
export function ensureDebianTool(tool: TDebianTool, log: (line: string) => void): void {
  if (found.has(tool.name)) return;
  if (tool.isPresent()) {
    found.add(tool.name);
    return;
  }
  if (!canApt()) throw new Error(tool.howTo);
  log(`${tool.name} not found: installing Debian package ${tool.debianPackage} (one time)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    if (update.status !== 0) throw new Error(tool.howTo);
    aptUpdated = true;
  }
  const install = spawnSync('apt-get', ['install', '-y', tool.debianPackage], {
    stdio: 'inherit',
    env,
  });
  if (install.status !== 0 || !tool.isPresent()) throw new Error(tool.howTo);
  found.add(tool.name);
}
