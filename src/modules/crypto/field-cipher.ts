import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TKeyring } from './keyring';

/**
 * Where a value lives. Bound into the ciphertext as associated data, so a value copied to
 * another row or column fails to decrypt instead of silently showing someone else's data.
 */
export type TFieldContext = { table: string; column: string; rowId: string };

const VERSION = 'v1';

function aad(ctx: TFieldContext): Buffer {
  return Buffer.from(`${ctx.table}\u0000${ctx.column}\u0000${ctx.rowId}`, 'utf8');
}

/** AES-256-GCM with a fresh 96-bit IV: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). */
export function encryptField(keyring: TKeyring, ctx: TFieldContext, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(aad(ctx));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return [VERSION, keyring.current.id, ...parts].join('.');
}

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

export function decryptField(keyring: TKeyring, ctx: TFieldContext, stored: string): string {
  const [version, keyId, iv, tag, body] = stored.split('.');
  const key = keyId ? keyring.byId.get(keyId) : undefined;
  if (version !== VERSION || !key || !iv || !tag || body === undefined)
    throw new DecryptionError('unreadable value');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(aad(ctx));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new DecryptionError('value does not belong here or was altered');
  }
}

/** The key id a stored value was encrypted with (rotation finds values still on old keys). */
export function keyIdOf(stored: string): string | undefined {
  return stored.split('.')[1];
}
