import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { runMigrations } from '../../db/migrate';
import { openDatabase } from '../../src/infra/database';
import { callerTypes, contactChannels, contactTypes } from '../../src/contracts/contact-vocabulary';
import { writeBackup } from '../../src/modules/backup/backup-archive';
import { restoreBackup } from '../../src/modules/backup/backup-restore';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';

// `npm run bench:restore`: backup and restore of N contacts (BENCH_CONTACTS, default 100,000;
// 1000000 for the README's figure) beside a plain copy of the same database in the same run:
// pg_dump -Fc / pg_restore when a pg_dump of the server's major version is on PATH (Debian 12
// has only 15, which refuses Postgres 18: then the run says so).

const N = Number(process.env.BENCH_CONTACTS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'saiduan-bench-restore-'));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({
  dir: join(dir, 'pg'),
  port: await freePort(),
  password: 'bench',
  database: 'bench',
});
const base = pg.url.slice(0, pg.url.lastIndexOf('/'));
const admin = postgres(`${base}/postgres`, { max: 1, onnotice: () => {} });
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

try {
  const handle = openDatabase(pg.url, { max: 2 });
  await runMigrations(handle);
  await handle.close();
  const loader = postgres(pg.url, { max: 1, onnotice: () => {} });
  // Encrypted fields are random base64 of the length real ciphertexts have: they don't compress.
  const t0 = performance.now();
  for (let done = 0; done < N; done += 50_000) {
    await loader.unsafe(
      `insert into contacts (id, hotline, channel, language, caller_type, contact_type,
         caller_phone_enc, caller_phone_hash, summary_enc, occurred_at)
       select gen_random_uuid(), '1362', $1, 'lo', $2, $3,
         'k1:' || encode(sha512(random()::text::bytea), 'base64'),
         encode(sha256(random()::text::bytea), 'hex'),
         'k1:' || encode(sha512(random()::text::bytea) || sha512(random()::text::bytea)
           || sha512(random()::text::bytea), 'base64'), now() - (g || ' minutes')::interval
         from generate_series(1, $4::int) g`,
      [contactChannels[0], callerTypes[0], contactTypes[0], Math.min(50_000, N - done)],
    );
  }
  await loader.end();
  console.log(`${N} contacts generated in ${seconds(t0)} s`);

  const key = randomBytes(32);
  const file = join(dir, 'bench.backup');
  let t = performance.now();
  const written = await writeBackup({ databaseUrl: pg.url, file, key });
  const backupS = seconds(t);
  await admin.unsafe('create database restored');
  t = performance.now();
  await restoreBackup({ databaseUrl: `${base}/restored`, file, key });
  const restoreS = seconds(t);
  console.log(
    `npm run backup:  ${backupS} s (${mb(written.bytes)}, written, then decrypted and read back)`,
  );
  console.log(`npm run restore: ${restoreS} s (migrations, rows, indexes, one transaction)`);

  const [server] = await admin<Array<{ v: string }>>`
    select current_setting('server_version_num') as v`;
  const major = Math.floor(Number(server?.v) / 10000);
  const pgDump = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  const dumpMajor = Number(/(\d+)\./.exec(pgDump.stdout ?? '')?.[1] ?? 0);
  if (dumpMajor === major) {
    const out = join(dir, 'plain.dump');
    t = performance.now();
    spawnSync('pg_dump', ['-Fc', '-f', out, pg.url], { stdio: 'inherit' });
    const dumpS = seconds(t);
    await admin.unsafe('create database plain');
    t = performance.now();
    spawnSync('pg_restore', ['-d', `${base}/plain`, out], { stdio: 'inherit' });
    console.log(`pg_dump -Fc:     ${dumpS} s (${mb(statSync(out).size)})`);
    console.log(`pg_restore:      ${seconds(t)} s`);
  } else {
    // Debian 12's pg_dump is 15 and refuses a Postgres 18 server; no newer one is packaged there.
    console.log(
      `pg_dump/pg_restore: not run — no pg_dump ${major} on PATH (found: ${pgDump.stdout?.trim() || 'none'})`,
    );
  }
} finally {
  await admin.end();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
