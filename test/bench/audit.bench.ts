import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { callerFlags } from '../../db/schema/contacts';
import { runMigrations } from '../../db/migrate';
import { openDatabase, type TDatabase } from '../../src/infra/database';
import { sql } from 'drizzle-orm';
import { recordAudit, verifyAuditChain } from '../../src/modules/audit/audit.repository';
import { sealAuditLog, startAuditSealer } from '../../src/modules/audit/audit-sealer';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';

// npm run bench:audit — what the audit row costs next to the same write without it, at the same
// concurrency, in the same run: as written now (plain insert, chained afterwards by the sealer
// running beside the writers) and as it was before (every writer took one global advisory lock
// and read the chain's last row before inserting).
type TMode = 'plain' | 'audited' | 'serialised';
const LEGACY_LOCK = 736_299;
const WRITES = 3000;
const CONCURRENCY = 10;
const config = { HMAC_KEY: randomBytes(32).toString('base64') };

async function run(label: string, db: TDatabase, mode: TMode): Promise<number> {
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
        if (mode === 'serialised')
          await tx.execute(
            sql`select pg_advisory_xact_lock(${LEGACY_LOCK}), max(seq) from audit_log`,
          );
        if (mode !== 'plain')
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
  const sealer = startAuditSealer(handle.db, config);
  await run('warm-up', handle.db, 'audited');
  const plain = await run(`plain write (baseline), ${CONCURRENCY} concurrent`, handle.db, 'plain');
  const audited = await run(`write + audit row, sealer beside`, handle.db, 'audited');
  const tail = (await verifyAuditChain(handle.db, config)).unsealed.rows;
  await sealer.stop();
  const serialised = await run(`write + audit row under one lock (old)`, handle.db, 'serialised');
  console.log(`audit overhead now: ${((1 - audited / plain) * 100).toFixed(0)}% fewer tx/s`);
  console.log(`audit overhead old: ${((1 - serialised / plain) * 100).toFixed(0)}% fewer tx/s`);
  console.log(`unsealed right after the audited run: ${tail} rows`);
  const s0 = performance.now();
  const sealed = await sealAuditLog(handle.db, config);
  const sealSeconds = (performance.now() - s0) / 1000;
  console.log(
    `seal: ${sealed} rows in ${sealSeconds.toFixed(2)} s (${(sealed / sealSeconds).toFixed(0)} rows/s)`,
  );
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
