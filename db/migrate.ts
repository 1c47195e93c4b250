import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { openDatabase, type TDatabaseHandle } from '../src/infra/database';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Hand-written SQL drizzle-kit cannot generate (triggers): every file, in name order, each run.
// Kept outside db/migrations, which `npm run db:generate` rebuilds from the schema.
const sqlFolder = fileURLToPath(new URL('./sql', import.meta.url));
const MIGRATION_LOCK = 736_201; // arbitrary advisory-lock key: one migrator at a time across processes

/** Applies committed migrations, then db/sql; safe to call from several processes at once. */
export async function runMigrations(handle: TDatabaseHandle): Promise<void> {
  const reserved = await handle.sql.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(handle.db, { migrationsFolder });
    for (const file of readdirSync(sqlFolder)
      .filter((f) => f.endsWith('.sql'))
      .sort())
      await reserved.unsafe(readFileSync(join(sqlFolder, file), 'utf8'));
  } finally {
    await reserved`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    reserved.release();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { runEntryPoint } = await import('../src/config/load');
  const { requireDatabaseUrl } = await import('../src/config/config');
  await runEntryPoint(async (config) => {
    const handle = openDatabase(requireDatabaseUrl(config), { max: 2 });
    await runMigrations(handle);
    await handle.close();
    console.log('migrations applied');
  });
}
