import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { runMigrations } from '../../db/migrate';
import { staffUsers } from '../../db/schema/staff';
import { openDatabase } from '../../src/infra/database';
import { runImportBatch } from '../../src/modules/imports/import-run.service';
import { createImportBatch } from '../../src/modules/imports/imports.service';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';
import { testConfig } from '../support/test-config';

// `npm run bench:import`: a dry run and an import of N contacts (BENCH_ROWS, default 100,000)
// from one CSV file, beside a plain Postgres COPY of the same rows into a table shaped like
// contacts (no checks, no encryption) in the same run. Target: dry run + import under 60 s.

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'saiduan-bench-import-'));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({
  dir: join(dir, 'pg'),
  port: await freePort(),
  password: 'bench',
  database: 'bench',
});
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const channels = ['call', 'walk_in', 'sms'];
const types = ['crisis', 'information', 'follow_up'];

const lines = [
  'external_id,occurred_at,channel,contact_type,caller_type,language,caller_name,summary',
];
for (let i = 0; i < N; i++) {
  const day = String((i % 28) + 1).padStart(2, '0');
  lines.push(
    `C-${i},2022-${String((i % 12) + 1).padStart(2, '0')}-${day} 10:${String(i % 60).padStart(2, '0')},` +
      `${channels[i % 3]},${types[i % 3]},self,lo,Caller ${i},"Asked about work in Thailand, row ${i}"`,
  );
}
const csv = Buffer.from(lines.join('\n'), 'utf8');

const handle = openDatabase(pg.url, { max: 4 });
try {
  await runMigrations(handle);
  const config = testConfig();
  const deps = { db: handle.db, config };
  const [admin] = await handle.db
    .insert(staffUsers)
    .values({
      id: crypto.randomUUID(),
      username: 'bench',
      displayName: 'Bench',
      role: 'administrator',
      passwordHash: 'x',
    })
    .returning({ id: staffUsers.id });
  const actor = {
    userId: admin?.id ?? '',
    role: 'administrator' as const,
    hotlines: ['1362'],
    organisationKey: null,
    provinceCode: null,
  };
  console.log(`${N} contacts, ${(csv.length / 1e6).toFixed(1)} MB CSV`);

  let t = performance.now();
  const batchId = await createImportBatch(deps, actor as never, {
    hotline: '1362',
    kind: 'contacts',
    format: 'csv',
    file: csv,
  });
  console.log(`upload (encrypt, store):   ${seconds(t)} s`);
  t = performance.now();
  const checked = await runImportBatch(deps, batchId, 'check');
  console.log(
    `dry run:                   ${seconds(t)} s (${checked.imported} good, ${checked.skipped} bad)`,
  );
  t = performance.now();
  const imported = await runImportBatch(deps, batchId, 'import');
  console.log(`import:                    ${seconds(t)} s (${imported.imported} written)`);

  const copier = postgres(pg.url, { max: 1, onnotice: () => {} });
  await copier`create table copy_contacts (like contacts including defaults)`;
  const rows = lines.slice(1).map((l) => {
    const [, at, channel, type, caller, lang, name] = l.split(',');
    return `${crypto.randomUUID()}\t1362\t${channel}\t${lang}\t${caller}\t${type}\t${name}\t${at}+07\n`;
  });
  t = performance.now();
  const stream = await copier`copy copy_contacts (id, hotline, channel, language, caller_type,
    contact_type, caller_name_enc, occurred_at) from stdin`.writable();
  await pipeline(Readable.from(rows), stream);
  console.log(`plain COPY of the same rows: ${seconds(t)} s`);
  await copier.end();
} finally {
  await handle.close();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
