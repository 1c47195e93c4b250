// Passkeys (WebAuthn) as the API answers them and the web app sends them.
// Constants and zod only: web/ imports this file.
import { z } from 'zod';

const b64url = z
  .string()
  .max(4096)
  .regex(/^[A-Za-z0-9_-]*$/);
const transports = z
  .array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']))
  .max(7)
  .optional();
// The browser's extension results are not used; bounded so nobody can post megabytes of them.
const extensions = z
  .record(z.string().max(64), z.unknown())
  .refine((r) => Object.keys(r).length <= 16);

/** What navigator.credentials.create() gives back, in WebAuthn's JSON form. */
export const ZRegistrationResponse = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: extensions,
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports,
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url.optional(),
    authenticatorData: b64url.optional(),
  }),
});

/** What navigator.credentials.get() gives back, in WebAuthn's JSON form. */
export const ZAuthenticationResponse = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: extensions,
  response: z.object({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
});

/** Options handed to the browser's WebAuthn call; their detail is the library's, not ours. */
export const ZWebAuthnOptions = z.looseObject({ challenge: z.string() });
export type TWebAuthnOptions = z.infer<typeof ZWebAuthnOptions>;

export const ZPasskeyRegistration = z.object({
  label: z.string().trim().min(1).max(60),
  response: ZRegistrationResponse,
});

export const ZPasskeySignIn = z.object({
  challenge: z.string().min(1).max(100),
  response: ZAuthenticationResponse,
});

export const ZPasskey = z.object({
  id: z.uuid(),
  label: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type TPasskey = z.infer<typeof ZPasskey>;
