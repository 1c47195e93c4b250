import { getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm';

/**
 * A row Postgres sent as `to_jsonb(t)` (snake_case keys, timestamps as text), mapped to the
 * drizzle row type by the table's own column mappers: one statement can then return several
 * tables' rows and the code still gets the same objects a drizzle select would have given.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>) {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}
