import { asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';
import { sealRows } from './audit-chain.policy';
import { auditKey } from './audit.repository';

// Held only by the sealer, for one batch's transaction: writers never take it.
const AUDIT_SEALER_LOCK = 736_202;
const BATCH = 1000;

/**
 * Chains one batch of committed, unsealed rows onto the end of the chain. Returns how many it
 * sealed, or null when another sealer holds the lock (and `wait` is false).
 */
export async function sealAuditBatch(
  db: TDatabase,
  config: Pick<TConfig, 'HMAC_KEY'>,
  options: { wait?: boolean; batchSize?: number } = {},
): Promise<number | null> {
  return db.transaction(async (tx) => {
    if (options.wait) {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_SEALER_LOCK})`);
    } else {
      const [got] = await tx.execute<{ ok: boolean }>(
        sql`select pg_try_advisory_xact_lock(${AUDIT_SEALER_LOCK}) as ok`,
      );
      if (!got?.ok) return null;
    }
    const pending = await tx
      .select({
        seq: auditLog.seq,
        at: auditLog.at,
        actorId: auditLog.actorId,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        data: auditLog.data,
      })
      .from(auditLog)
      .where(isNull(auditLog.chainPos))
      .orderBy(asc(auditLog.seq))
      .limit(options.batchSize ?? BATCH);
    if (!pending.length) return 0;
    const [head] = await tx
      .select({ chainPos: auditLog.chainPos, hash: auditLog.hash })
      .from(auditLog)
      .where(isNotNull(auditLog.chainPos))
      .orderBy(desc(auditLog.chainPos))
      .limit(1);
    const sealed = sealRows(
      auditKey(config),
      head ? { chainPos: head.chainPos ?? 0, hash: head.hash ?? '' } : null,
      pending,
    );
    // One statement for the whole batch.
    await tx.execute(sql`
      update audit_log a
         set chain_pos = v.pos, prev_hash = v.prev, hash = v.hash
        from jsonb_to_recordset(${JSON.stringify(
          sealed.map((s) => ({ seq: s.seq, pos: s.chainPos, prev: s.prevHash, hash: s.hash })),
        )}::jsonb) as v(seq bigint, pos bigint, prev text, hash text)
       where a.seq = v.seq`);
    return sealed.length;
  });
}

async function anythingUnsealed(db: TDatabase): Promise<boolean> {
  const rows = await db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(isNull(auditLog.chainPos))
    .limit(1);
  return rows.length > 0;
}

/** Seals everything committed so far, waiting for a running sealer (tests, commands). */
export async function sealAuditLog(
  db: TDatabase,
  config: Pick<TConfig, 'HMAC_KEY'>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = (await sealAuditBatch(db, config, { wait: true })) ?? 0;
    total += n;
    if (n < BATCH) return total;
  }
}

/**
 * The in-process sealer of a worker process: every `everyMs` it seals what has committed. Several
 * processes may run one; the advisory lock lets one seal at a time and the others skip the tick.
 */
export function startAuditSealer(
  db: TDatabase,
  config: Pick<TConfig, 'HMAC_KEY'>,
  options: { everyMs?: number; onError?: (err: unknown) => void } = {},
): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        // One cheap indexed look first, so an idle system pays one query per tick, not a transaction.
        if (!(await anythingUnsealed(db))) return;
        while (!stopped && (await sealAuditBatch(db, config)) === BATCH);
      } catch (err) {
        options.onError?.(err); // database away: the next tick tries again
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, options.everyMs ?? 200);
  timer.unref();
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
