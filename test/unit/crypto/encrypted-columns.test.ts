import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../db/schema/index';
import { encryptedColumns } from '../../../src/modules/crypto/encrypted-columns';

// Every column the schema names as encrypted, as `table.column`.
function encryptedInSchema(): string[] {
  return Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => value instanceof PgTable)
    .flatMap((table) => {
      const { name, columns } = getTableConfig(table);
      return columns
        .filter((c) => /_(enc|encrypted)$/.test(c.name))
        .map((c) => `${name}.${c.name}`);
    })
    .sort();
}

describe('key rotation column list', () => {
  it('names every encrypted column of the schema, so rotation leaves none on an old key', () => {
    const listed = encryptedColumns.flatMap((t) => t.columns.map((c) => `${t.table}.${c}`)).sort();
    const inSchema = encryptedInSchema();
    expect(inSchema.length).toBeGreaterThan(15);
    expect(listed).toEqual(inSchema);
  });

  it('points each table at a column that exists as its row id', () => {
    const tables = new Map(
      Object.values(schema as Record<string, unknown>)
        .filter((value): value is PgTable => value instanceof PgTable)
        .map((table) => {
          const config = getTableConfig(table);
          return [config.name, config.columns.map((c) => c.name)] as const;
        }),
    );
    for (const t of encryptedColumns) expect(tables.get(t.table)).toContain(t.idColumn);
  });
});
