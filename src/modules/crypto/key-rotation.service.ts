import type { TSql } from '../../infra/database';
import { decryptField, DecryptionError, encryptField } from './field-cipher';
import { encryptedColumns, type TEncryptedTable } from './encrypted-columns';
import type { TKeyring } from './keyring';

export type TRotationResult = { rewritten: number; unreadable: number; remaining: number };

/**
 * Re-encrypts every value that is not on the current key, in batches, while the system runs.
 * Each row is written back only if it still holds the value that was read (compare-and-set), so
 * a counsellor's concurrent edit always wins and is never overwritten with stale data.
 */
export async function rotateEncryptedValues(
  sql: TSql,
  keyring: TKeyring,
  options: { batchSize?: number; tables?: readonly TEncryptedTable[] } = {},
): Promise<TRotationResult> {
  const result: TRotationResult = { rewritten: 0, unreadable: 0, remaining: 0 };
  const current = `v1.${keyring.current.id}.%`;
  for (const t of options.tables ?? encryptedColumns) {
    for (const column of t.columns) {
      let after = '';
      for (;;) {
        const rows = await sql<Array<{ id: string; value: string }>>`
          select ${sql(t.idColumn)}::text as id, ${sql(column)} as value from ${sql(t.table)}
          where ${sql(column)} is not null and ${sql(column)} not like ${current}
            and ${sql(t.idColumn)}::text > ${after}
          order by ${sql(t.idColumn)}::text limit ${options.batchSize ?? 500}`;
        if (!rows.length) break;
        for (const row of rows) {
          const ctx = { table: t.table, column, rowId: row.id };
          let plaintext: string;
          try {
            plaintext = decryptField(keyring, ctx, row.value);
          } catch (err) {
            if (!(err instanceof DecryptionError)) throw err;
            result.unreadable += 1;
            continue;
          }
          const updated = await sql`
            update ${sql(t.table)} set ${sql(column)} = ${encryptField(keyring, ctx, plaintext)}
            where ${sql(t.idColumn)}::text = ${row.id} and ${sql(column)} = ${row.value}`;
          if (updated.count === 1) result.rewritten += 1;
        }
        after = (rows[rows.length - 1] as { id: string }).id;
      }
      const [left] = await sql<Array<{ n: number }>>`
        select count(*)::int as n from ${sql(t.table)}
        where ${sql(column)} is not null and ${sql(column)} not like ${current}`;
      result.remaining += left?.n ?? 0;
    }
  }
  return result;
}
