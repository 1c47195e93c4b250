import { decryptField, encryptField } from './field-cipher';
import type { TKeyring } from './keyring';

/**
 * Encrypts the given plaintext columns of one row, each bound to (table, column, row id).
 * `undefined` leaves a column out (no change), `null` clears it.
 */
export function sealColumns<K extends string>(
  keyring: TKeyring,
  table: string,
  rowId: string,
  values: Partial<Record<K, string | null | undefined>>,
  columnOf: Record<K, string>,
): Partial<Record<K, string | null>> {
  const out: Partial<Record<K, string | null>> = {};
  for (const field of Object.keys(values) as K[]) {
    const value = values[field];
    if (value === undefined) continue;
    out[field] =
      value === null || value === ''
        ? null
        : encryptField(keyring, { table, column: columnOf[field], rowId }, value);
  }
  return out;
}

/** Decrypts stored columns back to plaintext (null stays null). */
export function openColumns<K extends string>(
  keyring: TKeyring,
  table: string,
  rowId: string,
  stored: Record<K, string | null>,
  columnOf: Record<K, string>,
): Record<K, string | null> {
  const out = {} as Record<K, string | null>;
  for (const field of Object.keys(columnOf) as K[]) {
    const value = stored[field];
    out[field] = value
      ? decryptField(keyring, { table, column: columnOf[field], rowId }, value)
      : null;
  }
  return out;
}
