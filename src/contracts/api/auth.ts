// The sign-in answer as the auth API gives it and the login screen reads it. Zod only: web/
// imports this file.
import { z } from 'zod';
import { ZSignedInUser } from '../staff-users';

/** Signed in, or a second step (a code, or a passkey when the account has one) is wanted. */
export const ZLoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), user: ZSignedInUser }),
  z.object({
    status: z.literal('totp_required'),
    challenge: z.string(),
    /** The account has a passkey: offer it before the code. */
    passkey: z.boolean(),
    /** First sign-in of an account that needs TOTP: the secret to add to an authenticator. */
    enrolment: z.object({ secret: z.string(), uri: z.string() }).optional(),
  }),
]);
export type TLoginResult = z.infer<typeof ZLoginResult>;
