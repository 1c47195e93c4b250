import { openDatabase, type TDatabase, type TSql } from './database';

/** Where one read ran, and why not on the replica when it did not. */
export type TReadPlace = 'replica' | 'primary';

export type TReplicaLog = (fields: Record<string, unknown>, message: string) => void;

/**
 * The read replica's pool (DATABASE_REPLICA_URL) and what decides whether it may answer. Kept
 * next to the primary's `db`/`sql` in the deps; absent means every read runs on the primary.
 */
export type TReplica = {
  sql: TSql;
  db: TDatabase;
  close: () => Promise<void>;
  /** A replica further behind than this is not read from (REPLICA_MAX_LAG_SECONDS). */
  maxLagSeconds: number;
  /** After a connection failure the replica is left alone this long, so no report waits on it. */
  retryAfterMs: number;
  /** How long a read that must see the primary's latest writes waits for the replica to replay them. */
  catchUpMs: number;
  log: TReplicaLog;
  /** Epoch ms until which the replica counts as down (set after a connection failure). */
  downUntil: number;
};

export function openReplica(
  url: string,
  options: {
    maxLagSeconds: number;
    log: TReplicaLog;
    pooler?: 'none' | 'transaction';
    statementTimeoutMs?: number;
    max?: number;
  },
): TReplica {
  const handle = openDatabase(url, {
    max: options.max ?? 5,
    pooler: options.pooler ?? 'none',
    statementTimeoutMs: options.statementTimeoutMs ?? 120_000,
  });
  return {
    ...handle,
    maxLagSeconds: options.maxLagSeconds,
    retryAfterMs: 30_000,
    catchUpMs: 2_000,
    log: options.log,
    downUntil: 0,
  };
}

/**
 * Runs a read on the replica when it is fit to answer, otherwise on the primary. `seeWrites`:
 * the read must see what this process just wrote on the primary (e.g. report aggregates it
 * refreshed), so the replica must first have replayed up to the primary's current WAL position.
 */
export type TReader = <T>(
  read: (sql: TSql) => Promise<T>,
  options?: { seeWrites?: boolean },
) => Promise<T>;

/** Every read on the primary: no replica configured, and what tests and benchmarks call directly. */
export const primaryReader =
  (sql: TSql): TReader =>
  (read) =>
    read(sql);

/**
 * The reader for report reads and exports. A replica that is down, not a standby, lagging beyond
 * maxLagSeconds or (for `seeWrites`) not caught up never fails the person's request: the read
 * runs on the primary and a warning says why (no personal data in it). So does a read the
 * replica drops midway (connection lost, cancelled by a conflict with recovery).
 */
export function replicaReader(primary: TSql, replica: TReplica | undefined): TReader {
  if (!replica) return primaryReader(primary);
  // One reader serves one report: its reads share one look at the replica (and one log line).
  let plain: Promise<string | null> | undefined;
  return async (read, options = {}) => {
    const seeWrites = options.seeWrites === true;
    const check = seeWrites
      ? whyNotReplica(primary, replica, true)
      : (plain ??= whyNotReplica(primary, replica, false).then((why) => {
          if (why)
            replica.log({ replica: why }, 'report read on the primary: read replica not used');
          return why;
        }));
    const unfit = await check;
    if (unfit) {
      if (seeWrites)
        replica.log({ replica: unfit }, 'report read on the primary: read replica not used');
      return read(primary);
    }
    try {
      return await read(replica.sql);
    } catch (err) {
      if (!isReplicaTrouble(err)) throw err;
      if (isConnectionFailure(err)) replica.downUntil = Date.now() + replica.retryAfterMs;
      plain = Promise.resolve('failed'); // the rest of this report stays on the primary
      replica.log(
        { replica: 'failed', code: errorCode(err) },
        'report read on the primary: read replica failed midway',
      );
      return read(primary);
    }
  };
}

const SETTLE_MS = 250;

/** Null when the replica may answer, else a short reason for the log. */
async function whyNotReplica(
  primarySql: TSql,
  replica: TReplica,
  seeWrites: boolean,
): Promise<string | null> {
  if (Date.now() < replica.downUntil) return 'down';
  const target = seeWrites
    ? ((await primarySql`select pg_current_wal_lsn()::text as lsn`)[0]?.lsn as string)
    : null;
  // A streaming replica is often a few milliseconds behind (the primary's background WAL too):
  // that gap closes by itself, and only then does the last replay time say anything.
  const deadline = Date.now() + (seeWrites ? replica.catchUpMs : SETTLE_MS);
  for (;;) {
    let state: TReplicaState;
    try {
      state = await replicaState(replica.sql, target);
    } catch (err) {
      if (isConnectionFailure(err)) replica.downUntil = Date.now() + replica.retryAfterMs;
      return 'unreachable';
    }
    if (!state.standby) return 'not_a_standby';
    const lagging = state.lagSeconds > replica.maxLagSeconds;
    if (!lagging && state.caughtUp) return null;
    if (Date.now() >= deadline) return lagging ? 'lagging' : 'behind_own_writes';
    await new Promise((r) => setTimeout(r, 20));
  }
}

type TReplicaState = { standby: boolean; lagSeconds: number; caughtUp: boolean };

/**
 * How far behind the replica is. While it streams and has replayed all it received, it is
 * current (an idle primary sends nothing, so the last replay time alone would look old);
 * otherwise the lag is the age of the last transaction it replayed. `>=`, not `=`: a receiver
 * that just (re)connected reports the start of its WAL segment, behind what was replayed.
 */
async function replicaState(sql: TSql, target: string | null): Promise<TReplicaState> {
  const [row] = await sql`
    select pg_is_in_recovery() as standby,
      coalesce((select status = 'streaming' from pg_stat_wal_receiver limit 1), false)
        and pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn() as current,
      extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as since_replay,
      ${target}::pg_lsn is null or pg_last_wal_replay_lsn() >= ${target}::pg_lsn as caught_up`;
  if (!row) throw new Error('no answer from the replica');
  const sinceReplay = row.since_replay as number | null;
  return {
    standby: row.standby === true,
    lagSeconds: row.current === true ? 0 : (sinceReplay ?? Number.POSITIVE_INFINITY),
    caughtUp: row.caught_up === true,
  };
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isConnectionFailure(err: unknown): boolean {
  const code = errorCode(err) ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code) ||
    code.startsWith('CONNECT') ||
    code.startsWith('CONNECTION') ||
    code.startsWith('57P') || // admin / crash shutdown, cannot connect now
    code.startsWith('08')
  );
}

/** Failures of the replica itself, not of the query: the primary can answer the same read. */
function isReplicaTrouble(err: unknown): boolean {
  const code = errorCode(err);
  // 40001: cancelled by a conflict with recovery (the primary removed rows the read still needed).
  return isConnectionFailure(err) || code === '40001';
}
