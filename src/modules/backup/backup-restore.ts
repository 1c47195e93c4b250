import postgres from 'postgres';
import { openDatabase } from '../../infra/database';
import { runMigrations } from '../../../db/migrate';
import { readBackup, type TManifest } from './backup-archive';

export class RestoreRefusedError extends Error {}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Restores a backup into `databaseUrl`, which must exist and hold no tables: the migrations of
 * this Saiduan version build the schema, then every table's rows go in by COPY, all in ONE
 * transaction with triggers and foreign-key checks off (rows arrive table by table, and the
 * audit log's append-only triggers must not see a restore as edits). A damaged chunk found
 * half-way rolls everything back: a restore is whole or nothing.
 */
export async function restoreBackup(options: {
  databaseUrl: string;
  file: string;
  key: Buffer;
}): Promise<{ manifest: TManifest; rows: Record<string, number> }> {
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from pg_tables where schemaname = 'public'`;
    if ((existing?.n ?? 0) > 0)
      throw new RestoreRefusedError(
        'the target database already has tables: restore into a new, empty database',
      );
    const handle = openDatabase(options.databaseUrl, { max: 2 });
    try {
      await runMigrations(handle);
    } finally {
      await handle.close();
    }
    const migrations = (
      await sql<Array<{ hash: string }>>`select hash from drizzle.__drizzle_migrations order by id`
    ).map((m) => m.hash);

    return await sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      const manifestChecked = (manifest: TManifest) => {
        if (manifest.migrations.join() !== migrations.join())
          throw new RestoreRefusedError(
            `this backup (${manifest.createdAt}) was made by another version of Saiduan's schema: restore it with that version`,
          );
      };
      const result = await readBackup(options.file, options.key, {
        onManifest: async (manifest) => {
          manifestChecked(manifest);
          // Seeds the migrations wrote (reference data) are in the backup too: start empty.
          const names = manifest.tables.map((t) => ident(t.name)).join(', ');
          if (names) await tx.unsafe(`truncate ${names}`);
        },
        onTable: async (table) => {
          const columns = table.columns.map(ident).join(', ');
          return tx.unsafe(`copy ${ident(table.name)} (${columns}) from stdin`).writable();
        },
        onTableEnd: async () => {},
      });
      for (const seq of result.manifest.sequences)
        if (seq.value !== null)
          await tx`select setval(${seq.name}::regclass, ${seq.value}::bigint)`;
      return result;
    });
  } finally {
    await sql.end();
  }
}
