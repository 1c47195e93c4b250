import { z } from 'zod';
import { staffRoles } from '../../../db/schema/staff';
import { ZErrorBody } from '../error.schema';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const ZTotpBody = z.object({
  challenge: z.string().min(1).max(100),
  code: z.string().regex(/^\d{6}$/),
});

export const ZMe = z.object({
  userId: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  hotlines: z.array(z.string()),
  languages: z.array(z.string()),
  organisationKey: z.string().nullable(),
  provinceCode: z.string().nullable(),
});

export const ZLoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), user: ZMe }),
  z.object({
    status: z.literal('totp_required'),
    challenge: z.string(),
    enrolment: z.object({ secret: z.string(), uri: z.string() }).optional(),
  }),
]);

export const authErrors = { 400: ZErrorBody, 401: ZErrorBody, 429: ZErrorBody };
