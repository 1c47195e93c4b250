import { z } from 'zod';
import { api } from '../../shared/api/api-client';

export const ZLoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in') }),
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

export function login(username: string, password: string): Promise<TLoginResult> {
  return api.post('/auth/login', { username, password }, ZLoginResult);
}

export function verifyTotp(challenge: string, code: string): Promise<TLoginResult> {
  return api.post('/auth/totp', { challenge, code }, ZLoginResult);
}
