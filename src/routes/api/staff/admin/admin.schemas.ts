import { z } from 'zod';
import { ZCode, ZProvinceCode } from '../../../../contracts/codes';
import { staffRoles } from '../../../../contracts/staff-users';

/** A staff account's answer is the admin screens' too: one contract in src/contracts. */
export { ZUser } from '../../../../contracts/staff-users';

const code = ZCode;
export const ZUserCreate = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{3,50}$/i),
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(staffRoles),
  password: z.string().min(12).max(200),
  hotlines: z
    .array(z.string().regex(/^\d{3,8}$/))
    .max(10)
    .optional(),
  languages: z.array(code).max(10).optional(),
  organisationKey: code.nullable().optional(),
  provinceCode: ZProvinceCode.nullable().optional(),
});
export const ZUserUpdate = ZUserCreate.omit({ username: true, password: true })
  .partial()
  .extend({ disabled: z.boolean().optional(), resetTotp: z.boolean().optional() })
  // `{}` (or only `resetTotp: false`) changes nothing: a 400, not an empty UPDATE failing as 500.
  .refine(
    (b) => Object.entries(b).some(([k, v]) => v !== undefined && !(k === 'resetTotp' && !v)),
    'nothing to change',
  );
/** An administrator's reset: a temporary password the user must replace at the next sign-in. */
export const ZPasswordReset = z.object({ temporaryPassword: z.string().min(1).max(200) });
export const ZQueued = z.object({ jobId: z.string() });
export const ZAuditVerify = z.object({
  rows: z.number().int(),
  intact: z.boolean(),
  firstBreak: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  /** Rows not chained yet: a large or old tail means the sealer (in the workers) is not running. */
  unsealed: z.object({ rows: z.number().int(), oldestAt: z.date().nullable() }),
});
