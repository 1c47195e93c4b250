import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { PassThrough, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import postgres from 'postgres';
import { decryptStream, encryptStream } from './backup-cipher';

/**
 * A backup is one consistent snapshot of the database's `public` tables, written table by
 * table with COPY (text format) inside one REPEATABLE READ transaction, then gzip, then the
 * chunked AES-256-GCM of backup-cipher. Why not pg_dump: the embedded Postgres package ships
 * only initdb/pg_ctl/postgres and Debian 12's pg_dump (15) refuses a Postgres 18 server. The
 * schema is not in the file: restore builds it with the migrations of the same Saiduan
 * version and refuses a backup whose migrations differ.
 *
 * Plain layout, line by line: a JSON manifest; per table its name, its COPY rows and `\.`
 * (COPY's text format escapes every backslash, so no row is ever that line); a JSON trailer
 * with the row counts, so a file cut short is noticed even where gzip would not.
 */
export const FORMAT = 'saiduan-backup/1';

export type TTableInfo = { name: string; columns: string[] };
export type TManifest = {
  format: typeof FORMAT;
  createdAt: string;
  postgresVersion: string;
  migrations: string[];
  tables: TTableInfo[];
  sequences: Array<{ name: string; value: string | null }>;
  /** Embedded default only: the demo's generated keys, so a restore on a new machine can read it. */
  localSecrets?: unknown;
};
export type TTrailer = { end: true; rows: Record<string, number> };
export type TBackupResult = { manifest: TManifest; rows: Record<string, number>; bytes: number };

const END_OF_TABLE = '\\.';
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function readManifest(
  sql: postgres.TransactionSql,
): Promise<Omit<TManifest, 'createdAt' | 'format'>> {
  const tables = await sql<Array<{ name: string; columns: string[] }>>`
    select c.relname as name,
           array_agg(a.attname::text order by a.attnum) as columns
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                         and a.attgenerated = ''
     where n.nspname = 'public' and c.relkind in ('r', 'p')
     group by c.relname
     order by c.relname`;
  const sequences = await sql<Array<{ name: string; value: string | null }>>`
    select sequencename as name, last_value::text as value
      from pg_sequences where schemaname = 'public' order by sequencename`;
  // A failed query would abort the snapshot's transaction: look before reading.
  const [hasMigrations] = await sql<Array<{ found: boolean }>>`
    select to_regclass('drizzle.__drizzle_migrations') is not null as found`;
  const migrations = hasMigrations?.found
    ? await sql<Array<{ hash: string }>>`select hash from drizzle.__drizzle_migrations order by id`
    : [];
  const [row] = await sql<Array<{ version: string }>>`select version()`;
  return {
    postgresVersion: row?.version ?? '',
    migrations: migrations.map((m) => m.hash),
    tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
    sequences: sequences.map((s) => ({ name: s.name, value: s.value })),
  };
}

/** Writes the plain (unencrypted) backup of `databaseUrl` into `out`. */
async function dumpPlain(
  databaseUrl: string,
  out: PassThrough,
  extra: Pick<TManifest, 'localSecrets'>,
): Promise<{ manifest: TManifest; rows: Record<string, number> }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const rows: Record<string, number> = {};
  try {
    const manifest = await sql.begin(
      'isolation level repeatable read read only',
      async (tx): Promise<TManifest> => {
        const manifest: TManifest = {
          format: FORMAT,
          createdAt: new Date().toISOString(),
          ...(await readManifest(tx)),
          ...extra,
        };
        await write(out, `${JSON.stringify(manifest)}\n`);
        for (const table of manifest.tables) {
          await write(out, `${table.name}\n`);
          const columns = table.columns.map(ident).join(', ');
          const copy = await tx
            .unsafe(`copy ${ident(table.name)} (${columns}) to stdout`)
            .readable();
          rows[table.name] = await pipeCounting(copy, out);
          await write(out, `${END_OF_TABLE}\n`);
        }
        return manifest;
      },
    );
    const trailer: TTrailer = { end: true, rows };
    await write(out, `${JSON.stringify(trailer)}\n`);
    return { manifest, rows };
  } finally {
    out.end();
    await sql.end();
  }
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
}

/** Copies `source` into `out` (not ending it) and counts its lines: COPY writes one per row. */
async function pipeCounting(source: Readable, out: Writable): Promise<number> {
  let lines = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  return lines;
}

/**
 * Writes an encrypted backup to `file` (through `file.partial`, renamed once complete and
 * checked, so a half-written backup never looks like a good one), then reads it back.
 */
export async function writeBackup(options: {
  databaseUrl: string;
  file: string;
  key: Buffer;
  localSecrets?: unknown;
}): Promise<TBackupResult> {
  const partial = `${options.file}.partial`;
  const plain = new PassThrough();
  let bytes = 0;
  const counter = new PassThrough();
  counter.on('data', (c: Buffer) => (bytes += c.length));
  try {
    const [{ manifest, rows }] = await Promise.all([
      dumpPlain(options.databaseUrl, plain, { localSecrets: options.localSecrets }),
      pipeline(
        plain,
        createGzip({ level: 1 }),
        encryptStream(options.key),
        counter,
        createWriteStream(partial, { mode: 0o600 }),
      ),
    ]);
    const checked = await verifyBackup(partial, options.key);
    for (const [table, count] of Object.entries(rows))
      if (checked.rows[table] !== count)
        throw new Error(
          `backup check failed: ${table} has ${checked.rows[table]} rows, not ${count}`,
        );
    renameSync(partial, options.file);
    return { manifest, rows, bytes };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

type TSink = {
  onManifest: (manifest: TManifest) => Promise<void>;
  /** Returns where the table's rows go; null reads past them. */
  onTable: (table: TTableInfo) => Promise<Writable | null>;
  onTableEnd: (table: TTableInfo, rows: number) => Promise<void>;
};

/** Decrypts, unzips and walks a backup file, handing each table's rows to `sink`. */
export async function readBackup(
  file: string,
  key: Buffer,
  sink: TSink,
): Promise<{ manifest: TManifest; rows: Record<string, number> }> {
  let manifest: TManifest | null = null;
  let trailer: TTrailer | null = null;
  const rows: Record<string, number> = {};
  let table: TTableInfo | null = null;
  let target: Writable | null = null;
  let tableIndex = 0;
  let count = 0;
  let carry: Buffer = Buffer.alloc(0);
  const textLine = (line: Buffer) => line.toString('utf8');

  const onLine = async (line: Buffer): Promise<void> => {
    if (!manifest) {
      manifest = JSON.parse(textLine(line)) as TManifest;
      if (manifest.format !== FORMAT) throw new Error(`unknown backup format ${manifest.format}`);
      await sink.onManifest(manifest);
      return;
    }
    if (!table) {
      const text = textLine(line);
      if (text.startsWith('{')) {
        trailer = JSON.parse(text) as TTrailer;
        return;
      }
      table = manifest.tables[tableIndex++] ?? null;
      if (!table || table.name !== text)
        throw new Error(`backup damaged: unexpected table ${text}`);
      target = await sink.onTable(table);
      count = 0;
      return;
    }
    throw new Error('unreachable');
  };

  const consume = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let pos = 0;
      let rowsFrom = 0; // the current table's rows in data[rowsFrom, pos) are not written yet
      for (let nl = data.indexOf(10, pos); nl !== -1; nl = data.indexOf(10, pos)) {
        const line = data.subarray(pos, nl);
        if (table && !(line.length === 2 && line[0] === 92 && line[1] === 46)) {
          count++; // a row: rows go on in runs, written together below
          pos = nl + 1;
          continue;
        }
        if (table) {
          const finished: TTableInfo = table;
          const out = target as Writable | null;
          if (out && pos > rowsFrom) await writeTo(out, data.subarray(rowsFrom, pos));
          table = null;
          target = null;
          rows[finished.name] = count;
          if (out) await endWritable(out);
          await sink.onTableEnd(finished, count);
        } else {
          await onLine(line);
        }
        pos = nl + 1;
        rowsFrom = pos;
      }
      if (table && target && pos > rowsFrom) await writeTo(target, data.subarray(rowsFrom, pos));
      carry = data.subarray(pos);
    }
  };
  // pipeline: an error anywhere (a bad chunk, a failed COPY) ends every stream and rejects here.
  // pipeline reports a failure of the consumer as an AbortError: keep the real one.
  let failure: unknown = null;
  const consumeKeepingError = async (source: AsyncIterable<Buffer>) => {
    try {
      await consume(source);
    } catch (err) {
      failure = err;
      throw err;
    }
  };
  try {
    await pipeline(createReadStream(file), decryptStream(key), createGunzip(), consumeKeepingError);
  } catch (err) {
    throw failure ?? err;
  }
  if (!manifest || !trailer) throw new Error('backup incomplete: no trailer');
  const expected = (trailer as TTrailer).rows;
  for (const [name, n] of Object.entries(expected))
    if (rows[name] !== n)
      throw new Error(`backup damaged: ${name} has ${rows[name]} rows, not ${n}`);
  return { manifest, rows };
}

function writeTo(out: Writable, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(data, (err) => (err ? reject(err) : resolve()));
  });
}

function endWritable(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}

/** Reads the whole backup back (every chunk's tag, every table's row count): pg_restore --list's job. */
export function verifyBackup(
  file: string,
  key: Buffer,
): Promise<{ manifest: TManifest; rows: Record<string, number> }> {
  return readBackup(file, key, {
    onManifest: async () => {},
    onTable: async () => null,
    onTableEnd: async () => {},
  });
}

/** Only the manifest (first chunk): what a restore must know before it starts a database. */
export async function readBackupManifest(file: string, key: Buffer): Promise<TManifest> {
  const found = new Error('manifest read');
  let manifest: TManifest | null = null;
  try {
    await readBackup(file, key, {
      onManifest: async (m) => {
        manifest = m;
        throw found;
      },
      onTable: async () => null,
      onTableEnd: async () => {},
    });
  } catch (err) {
    // Stopping early aborts the streams behind it: any error once the manifest is in is ours.
    if (!manifest) throw err;
  }
  if (!manifest) throw new Error('backup has no manifest');
  return manifest;
}
