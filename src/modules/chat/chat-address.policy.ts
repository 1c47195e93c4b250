import { createHmac } from 'node:crypto';
import type { TChatChannel } from '../../contracts/chat';
import type { TKeyring } from '../crypto/keyring';
import { phoneHash } from '../crypto/phone-hash';

/** The channel a Twilio Conversations author writes from: `whatsapp:+…`, `messenger:…`, `+…`. */
export function channelOfTwilioAddress(address: string): TChatChannel | null {
  if (address.startsWith('whatsapp:')) return 'whatsapp';
  if (address.startsWith('messenger:')) return 'messenger';
  if (/^\+\d{6,15}$/.test(address)) return 'sms';
  return null;
}

/**
 * Keyed hash of a contact's address. A WhatsApp or SMS number hashes exactly as a caller's phone
 * number does, so the same person is recognised whether they call, text or write on WhatsApp;
 * other addresses are hashed with their channel so two channels' ids cannot collide.
 */
export function contactHash(keyring: TKeyring, channel: TChatChannel, address: string): string {
  if (channel === 'whatsapp' || channel === 'sms')
    return phoneHash(keyring, address.replace(/^whatsapp:/, ''));
  return createHmac('sha256', keyring.hmacKey).update(`${channel}:${address}`).digest('base64url');
}
