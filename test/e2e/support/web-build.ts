import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIST_INDEX = join(ROOT, 'web/dist/index.html');
// The web app also compiles the shared contracts, so they count as its sources.
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/contracts'];
const LOCK = join(
  tmpdir(),
  `saiduan-web-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}`,
);

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

// The newest source time seen when the last build STARTED: an edit made while Vite was running
// is newer than this, so the next run builds again instead of trusting the fresh-looking dist.
const STAMP = join(ROOT, 'web/dist/.sources-stamp');
const newestSource = () => Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));

function upToDate(): boolean {
  if (!existsSync(DIST_INDEX) || !existsSync(STAMP)) return false;
  return newestSource() <= Number(readFileSync(STAMP, 'utf8'));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A directory lock: test files run in parallel processes and must not build into one folder at once. */
async function withLock(work: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8').trim());
      } catch {
        // the other process has made the lock but not written its pid yet
      }
      if (owner && !alive(owner)) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function viteBuild(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--config',
        'web/vite.config.ts',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let errors = '';
    child.stderr.on('data', (c: Buffer) => (errors += c.toString()));
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`web build failed: ${errors}`)),
    );
  });
}

/** Builds web/ into web/dist unless a build newer than every source is already there. */
export async function buildWebOnce(): Promise<void> {
  if (upToDate()) return;
  await withLock(async () => {
    if (upToDate()) return;
    const seen = newestSource();
    await viteBuild();
    writeFileSync(STAMP, String(seen));
  });
}
