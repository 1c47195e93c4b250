import { createHmac } from 'node:crypto';
import type { TKeyring } from './keyring';

/** Digits only with a leading +, so "+856 20 5551 2345" and "+8562055512345" hash the same. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}

/**
 * Keyed HMAC-SHA256 of a phone number: lets us find a repeat caller's earlier contacts without
 * storing the number in clear anywhere we can search.
 */
export function phoneHash(keyring: TKeyring, phone: string): string {
  return createHmac('sha256', keyring.hmacKey).update(normalisePhone(phone)).digest('base64url');
}
