import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { z } from 'zod';
import { ZPasskey, ZWebAuthnOptions, type TPasskey } from '../../../../src/contracts/passkeys';
import { api } from '../../shared/api/api-client';

export function listPasskeys(): Promise<TPasskey[]> {
  return api.get('/auth/passkeys', z.array(ZPasskey));
}

/** Asks the device to make a passkey for this account and keeps it under the given name. */
export async function addPasskey(label: string): Promise<TPasskey> {
  const options = await api.post('/auth/passkeys/options', undefined, ZWebAuthnOptions);
  const response = await startRegistration({
    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
  });
  return api.post('/auth/passkeys', { label, response }, ZPasskey);
}

export function removePasskey(id: string): Promise<void> {
  return api.delete(`/auth/passkeys/${id}`);
}

/** Sign-in step two by passkey; the result is the same as the code's. */
export async function signInWithPasskey<T>(challenge: string, result: z.ZodType<T>): Promise<T> {
  const options = await api.post('/auth/passkey/options', { challenge }, ZWebAuthnOptions);
  const response = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  return api.post('/auth/passkey', { challenge, response }, result);
}

/** The person closed the device's prompt or it timed out: not an error worth a red message. */
export function isPasskeyCancelled(err: unknown): boolean {
  return err instanceof Error && (err.name === 'NotAllowedError' || err.name === 'AbortError');
}
