import { describe, expect, it } from 'vitest';
import {
  decryptField,
  DecryptionError,
  encryptField,
  keyIdOf,
} from '../../../src/modules/crypto/field-cipher';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';
import { phoneHash } from '../../../src/modules/crypto/phone-hash';

const k = (n: number) => Buffer.alloc(32, n).toString('base64');
const oldRing = keyringFromConfig({ ENCRYPTION_KEYS: `k1:${k(1)}`, HMAC_KEY: k(9) });
const rotated = keyringFromConfig({ ENCRYPTION_KEYS: `k1:${k(1)},k2:${k(2)}`, HMAC_KEY: k(9) });
const here = { table: 'people', column: 'name', rowId: 'row-1' };

describe('field encryption', () => {
  it('round-trips Lao text with a fresh IV every time', () => {
    const a = encryptField(oldRing, here, 'ນາງ ແກ້ວ');
    const b = encryptField(oldRing, here, 'ນາງ ແກ້ວ');
    expect(a).not.toBe(b);
    expect(a).not.toContain('ແກ້ວ');
    expect(decryptField(oldRing, here, a)).toBe('ນາງ ແກ້ວ');
  });

  it('refuses a value moved to another row or column', () => {
    const stored = encryptField(oldRing, here, 'secret');
    expect(() => decryptField(oldRing, { ...here, rowId: 'row-2' }, stored)).toThrow(
      DecryptionError,
    );
    expect(() => decryptField(oldRing, { ...here, column: 'summary' }, stored)).toThrow(
      DecryptionError,
    );
  });

  it('encrypts with the newest key and still reads values on the old one', () => {
    const old = encryptField(oldRing, here, 'before rotation');
    const fresh = encryptField(rotated, here, 'after rotation');
    expect(keyIdOf(old)).toBe('k1');
    expect(keyIdOf(fresh)).toBe('k2');
    expect(decryptField(rotated, here, old)).toBe('before rotation');
    expect(() => decryptField(oldRing, here, fresh)).toThrow(DecryptionError);
  });

  it('hashes a phone number the same however it is written, and differently per key', () => {
    expect(phoneHash(oldRing, '+856 20 5551 2345')).toBe(phoneHash(oldRing, '+8562055512345'));
    const otherKey = keyringFromConfig({ ENCRYPTION_KEYS: `k1:${k(1)}`, HMAC_KEY: k(8) });
    expect(phoneHash(otherKey, '+8562055512345')).not.toBe(phoneHash(oldRing, '+8562055512345'));
  });
});
