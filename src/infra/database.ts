import postgres from 'postgres';
import { sql as drizzleSql } from 'drizzle-orm';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from '../../db/schema/index';

export type TSchema = typeof schema;
export type TDatabase = PostgresJsDatabase<TSchema>;
export type TSql = postgres.Sql;

export type TDatabaseHandle = { sql: TSql; db: TDatabase; close: () => Promise<void> };

/** The postgres.js client under a drizzle database: for the hot paths' prepared raw statements. */
export function rawSql(db: TDatabase): TSql {
  return (db as TDatabase & { $client: TSql }).$client;
}

/** Time-outs for the API: a person is waiting, so a stalled statement gives up sooner. */
export const API_DATABASE_TIMEOUTS = { statementTimeoutMs: 8000, lockTimeoutMs: 5000 };

/**
 * One pool per process. `connect_timeout`, a statement timeout and (for the API) a lock timeout
 * keep a dead, slow or locked Postgres from hanging request handlers: the error handler turns
 * them into a 503 DATABASE_UNAVAILABLE (webhooks have their own, tighter deadlines). Workers keep
 * the longer defaults: their jobs retry and may legitimately wait on a lock.
 */
export function openDatabase(
  url: string,
  options: {
    max?: number;
    statementTimeoutMs?: number;
    lockTimeoutMs?: number;
    /** See DATABASE_POOLER in env.schema.ts. */
    pooler?: 'none' | 'transaction';
  } = {},
): TDatabaseHandle {
  const pooled = options.pooler === 'transaction';
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: 5,
    idle_timeout: 30,
    onnotice: () => {},
    // A named prepared statement lives on one server connection; behind a transaction pooler the
    // next execution may land on another, where it does not exist.
    prepare: !pooled,
    // PgBouncer refuses unknown startup parameters (and could not keep them per client anyway).
    connection: pooled
      ? { application_name: 'saiduan' }
      : {
          application_name: 'saiduan',
          statement_timeout: options.statementTimeoutMs ?? 15000,
          lock_timeout: options.lockTimeoutMs ?? 0,
        },
  });
  const db = drizzle(sql, { schema });
  return { sql, db, close: () => sql.end({ timeout: 5 }) };
}

/** The cheapest round trip: the readiness probe's "is Postgres answering?". */
export async function pingDatabase(db: TDatabase): Promise<void> {
  await db.execute(drizzleSql`select 1`);
}
