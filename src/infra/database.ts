import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from '../../db/schema/index';

export type TSchema = typeof schema;
export type TDatabase = PostgresJsDatabase<TSchema>;
export type TSql = postgres.Sql;

export type TDatabaseHandle = { sql: TSql; db: TDatabase; close: () => Promise<void> };

/**
 * One pool per process. `connect_timeout` and a statement timeout keep a dead or slow
 * Postgres from hanging request handlers (webhooks have their own, tighter deadlines).
 */
export function openDatabase(url: string, options: { max?: number } = {}): TDatabaseHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: 5,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: 'saiduan', statement_timeout: 15000 },
  });
  const db = drizzle(sql, { schema });
  return { sql, db, close: () => sql.end({ timeout: 5 }) };
}
