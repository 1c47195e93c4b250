import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../../scripts/local/embedded-postgres';
import { packagedPostgresBinaries } from '../../../scripts/local/postgres-binaries';
import { freePort } from '../../../scripts/local/free-port';

// A root who clones the project into /root (0700 on Debian) crashed `npm start` and `npm test`
// with `spawn …/initdb EACCES`: Postgres runs as the `postgres` OS user, who cannot get in there.
// Here the project's binaries and data folder sit under a 0700 folder, as in /root.
const asRoot = userInfo().uid === 0;
const cleanups: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.runIf(asRoot)(
  'embedded Postgres started by root from a folder only root can enter',
  () => {
    it('starts, answers and keeps its data across a restart', async () => {
      const home = mkdtempSync(join(tmpdir(), 'saiduan-root-home-'));
      chmodSync(home, 0o700);
      const copiesBase = mkdtempSync(join(tmpdir(), 'saiduan-pg-bin-'));
      chmodSync(copiesBase, 0o755);
      cleanups.push(() => rmSync(home, { recursive: true, force: true }));
      cleanups.push(() => rmSync(copiesBase, { recursive: true, force: true }));
      // The package's binaries, placed (hard links: fast, no space) inside the 0700 "home".
      const packaged = await packagedPostgresBinaries();
      const native = join(home, 'project', 'node_modules', 'native');
      spawnSync('mkdir', ['-p', dirname(native)]);
      expect(spawnSync('cp', ['-al', dirname(packaged.bin), native]).status).toBe(0);
      const binaries = { ...packaged, bin: join(native, 'bin') };
      binaries.postgres = join(binaries.bin, 'postgres');
      binaries.initdb = join(binaries.bin, 'initdb');
      // The postgres user really cannot run them from there: that was the crash.
      const pgUid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout || NaN);
      if (Number.isInteger(pgUid))
        expect(spawnSync(binaries.initdb, ['--version'], { uid: pgUid }).error).toBeDefined();

      const dataDir = join(home, 'project', '.data', 'postgres');
      const options = {
        dir: dataDir,
        port: await freePort(),
        password: 'root-home',
        database: 'saiduan',
        binaries,
        binariesBase: copiesBase,
      };
      const first = await startEmbeddedPostgres(options);
      cleanups.push(() => rmSync(first.dataDir, { recursive: true, force: true }));
      cleanups.push(first.stop);
      expect(first.binaries.bin.startsWith(copiesBase)).toBe(true);
      expect(first.dataDir.startsWith(home)).toBe(false);
      expect(readFileSync(`${dataDir}.location`, 'utf8').trim()).toBe(first.dataDir);

      const sql = postgres(first.url, { max: 1, onnotice: () => {} });
      await sql`create table kept (note text)`;
      await sql`insert into kept values ('still here')`;
      await sql.end();
      await first.stop();

      const second = await startEmbeddedPostgres(options);
      cleanups.push(second.stop);
      expect(second.dataDir).toBe(first.dataDir);
      const again = postgres(second.url, { max: 1, onnotice: () => {} });
      expect(await again`select note from kept`).toEqual([{ note: 'still here' }]);
      await again.end();
      expect(existsSync(join(second.dataDir, 'PG_VERSION'))).toBe(true);
    });
  },
);
