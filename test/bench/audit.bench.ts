import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { callerFlags } from '../../db/schema/contacts';
import { runMigrations } from '../../db/migrate';
import { openDatabase, type TDatabase } from '../../src/infra/database';
import { recordAudit, verifyAuditChain } from '../../src/modules/audit/audit.repository';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';

// npm run bench:audit — what the hash-chained audit row (one global advisory lock per write)
// costs next to the same write without it, at the same concurrency, in the same run.
const WRITES = 3000;
const CONCURRENCY = 10;
const config = { HMAC_KEY: randomBytes(32).toString('base64') };

async function run(label: string, db: TDatabase, audited: boolean): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < WRITES) {
      next += 1;
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(callerFlags)
          .values({ phoneHash: randomBytes(8).toString('hex'), hotline: '1362', kind: 'prank' })
          .returning({ id: callerFlags.id });
        if (audited)
          await recordAudit(tx, config, {
            actorId: null,
            action: 'caller.flagged',
            entityType: 'caller_flag',
            entityId: row?.id ?? '',
          });
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const perSecond = WRITES / ((performance.now() - t0) / 1000);
  console.log(`${label.padEnd(40)} ${perSecond.toFixed(0).padStart(6)} tx/s`);
  return perSecond;
}

const dir = mkdtempSync(join(tmpdir(), 'saiduan-bench-audit-'));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({
  dir: join(dir, 'pg'),
  port: await freePort(),
  password: 'bench',
  database: 'bench',
});
const handle = openDatabase(pg.url, { max: CONCURRENCY });
try {
  await runMigrations(handle);
  await run('warm-up', handle.db, true);
  const plain = await run(`plain write (baseline), ${CONCURRENCY} concurrent`, handle.db, false);
  const audited = await run(`write + chained audit row`, handle.db, true);
  console.log(`audit overhead: ${((1 - audited / plain) * 100).toFixed(0)}% fewer tx/s`);
  const t0 = performance.now();
  const { rows } = await verifyAuditChain(handle.db, config);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `verify chain: ${rows} rows in ${seconds.toFixed(2)} s (${(rows / seconds).toFixed(0)} rows/s)`,
  );
} finally {
  await handle.close();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
