import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Backups are encrypted with AES-256-GCM in chunks (the STREAM construction): one GCM message
 * per 64 KiB, nonce = random prefix ‖ chunk counter ‖ last-chunk flag, the file header as
 * associated data. Each chunk is authenticated before a byte of it is used, so a restore never
 * reads tampered data, and a truncated, reordered or spliced file fails at the chunk that was
 * changed. One GCM over the whole file would hand out plaintext before checking its tag.
 */
const MAGIC = Buffer.from('SDNBAK01');
const CHUNK = 64 * 1024;
const TAG = 16;
const PREFIX = 7;
const FINGERPRINT = 8;
const HEADER = MAGIC.length + PREFIX + FINGERPRINT;
const LAST = 0x80000000; // high bit of a frame's length: the last chunk

export class BackupKeyError extends Error {}
export class BackupCorruptError extends Error {}

/** First bytes of SHA-256 of the key: tells "wrong key" apart from "damaged file". */
export function keyFingerprint(key: Buffer): Buffer {
  return createHash('sha256').update('saiduan-backup-key').update(key).digest().subarray(0, 8);
}

function nonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(counter, PREFIX);
  n[11] = last ? 1 : 0;
  return n;
}

export function encryptStream(key: Buffer): Transform {
  const prefix = randomBytes(PREFIX);
  const header = Buffer.concat([MAGIC, prefix, keyFingerprint(key)]);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let counter = 0;
  let started = false;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, counter++, last));
    cipher.setAAD(header);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE((body.length | (last ? LAST : 0)) >>> 0);
    return Buffer.concat([length, body, cipher.getAuthTag()]);
  };
  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      if (!started) {
        this.push(header);
        started = true;
      }
      pending.push(data);
      pendingBytes += data.length;
      // Keep at least one byte back: the last chunk must be sealed as last, in flush.
      while (pendingBytes > CHUNK) {
        const all = Buffer.concat(pending);
        this.push(seal(all.subarray(0, CHUNK), false));
        pending = [all.subarray(CHUNK)];
        pendingBytes = all.length - CHUNK;
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(header);
      this.push(seal(Buffer.concat(pending), true));
      done();
    },
  });
}

export function decryptStream(key: Buffer): Transform {
  let buffered: Buffer = Buffer.alloc(0);
  let header: Buffer | null = null;
  let counter = 0;
  let ended = false;
  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      buffered = buffered.length ? Buffer.concat([buffered, data]) : data;
      try {
        if (!header) {
          if (buffered.length < HEADER) return done();
          header = buffered.subarray(0, HEADER);
          if (!header.subarray(0, MAGIC.length).equals(MAGIC))
            throw new BackupCorruptError('not a Saiduan backup (unknown file header)');
          if (!header.subarray(MAGIC.length + PREFIX).equals(keyFingerprint(key)))
            throw new BackupKeyError('this backup was encrypted with another backup key');
          buffered = buffered.subarray(HEADER);
        }
        while (buffered.length >= 4) {
          const word = buffered.readUInt32BE(0);
          const last = (word & LAST) !== 0;
          const size = word & ~LAST;
          if (ended || size > CHUNK) throw new BackupCorruptError('backup damaged: bad chunk');
          if (buffered.length < 4 + size + TAG) break;
          const body = buffered.subarray(4, 4 + size);
          const tag = buffered.subarray(4 + size, 4 + size + TAG);
          const prefix = header.subarray(MAGIC.length, MAGIC.length + PREFIX);
          const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, counter++, last));
          decipher.setAAD(header);
          decipher.setAuthTag(tag);
          let plain: Buffer;
          try {
            plain = Buffer.concat([decipher.update(body), decipher.final()]);
          } catch {
            throw new BackupCorruptError(`backup damaged or altered (chunk ${counter - 1})`);
          }
          this.push(plain);
          ended = last;
          buffered = buffered.subarray(4 + size + TAG);
        }
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done: TransformCallback) {
      if (!header || !ended || buffered.length)
        return done(new BackupCorruptError('backup incomplete: it ends before its last chunk'));
      done();
    },
  });
}
