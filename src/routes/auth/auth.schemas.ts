import { z } from 'zod';
import { ZSignedInUser } from '../../contracts/staff-users';
import { ZErrorBody } from '../error.schema';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const ZTotpBody = z.object({
  challenge: z.string().min(1).max(100),
  code: z.string().regex(/^\d{6}$/),
});

export const ZPasswordChange = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

/** The signed-in user: one contract with the web app (src/contracts/staff-users.ts). */
export const ZMe = ZSignedInUser;

/** The sign-in answer: one contract with the login screen (src/contracts/api/auth.ts). */
export { ZLoginResult } from '../../contracts/api/auth';

export const authErrors = { 400: ZErrorBody, 401: ZErrorBody, 429: ZErrorBody };
