import { randomBytes } from 'node:crypto';

/** A Twilio-style SID: two-letter prefix and 32 hex digits. */
export function newSid(
  prefix: 'CA' | 'QU' | 'CF' | 'SM' | 'RE' | 'CH' | 'IM' | 'MB' | 'DY' | 'ME',
): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/** Twilio's REST date format (RFC 2822 with a numeric zone). */
export function rfc2822(date: Date | null | undefined): string | null {
  return date ? date.toUTCString().replace('GMT', '+0000') : null;
}
