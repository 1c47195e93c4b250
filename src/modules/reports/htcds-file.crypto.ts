import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

/**
 * A passphrase-encrypted export file, for when it travels further than the HTTPS download (an
 * e-mail, a USB stick). Layout: MAGIC (8 bytes) | salt (16) | IV (12) | ciphertext | GCM tag (16).
 * The key is scrypt(passphrase, salt, N=2^15, r=8, p=1) → 32 bytes for AES-256-GCM; the MAGIC is
 * the additional authenticated data, so a file of another kind cannot be passed off as this one.
 * README "HTCDS export" shows how a partner decrypts it with Node alone.
 */
export const HTCDS_FILE_MAGIC = Buffer.from('SDHTCDS1', 'ascii');
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, SCRYPT, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function encryptWithPassphrase(plain: Buffer, passphrase: string): Promise<Buffer> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  cipher.setAAD(HTCDS_FILE_MAGIC);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([HTCDS_FILE_MAGIC, salt, iv, body, cipher.getAuthTag()]);
}

/** The reverse, as a partner runs it; throws on a wrong passphrase or a changed byte. */
export async function decryptWithPassphrase(file: Buffer, passphrase: string): Promise<Buffer> {
  const m = HTCDS_FILE_MAGIC.length;
  if (!file.subarray(0, m).equals(HTCDS_FILE_MAGIC)) throw new Error('not an encrypted HTCDS file');
  const salt = file.subarray(m, m + 16);
  const iv = file.subarray(m + 16, m + 28);
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  decipher.setAAD(HTCDS_FILE_MAGIC);
  decipher.setAuthTag(file.subarray(file.length - 16));
  return Buffer.concat([
    decipher.update(file.subarray(m + 28, file.length - 16)),
    decipher.final(),
  ]);
}
