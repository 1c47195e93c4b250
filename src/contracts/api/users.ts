// Staff accounts as an administrator makes and changes them: the staff API's bodies and the admin
// screen's types. Zod only: web/ imports this file.
import { z } from 'zod';
import { ZCode, ZProvinceCode } from '../codes';
import { staffRoles } from '../staff-users';

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
  languages: z.array(ZCode).max(10).optional(),
  organisationKey: ZCode.nullable().optional(),
  provinceCode: ZProvinceCode.nullable().optional(),
});
export type TUserCreate = z.input<typeof ZUserCreate>;

export const ZUserUpdate = ZUserCreate.omit({ username: true, password: true })
  .partial()
  .extend({ disabled: z.boolean().optional(), resetTotp: z.boolean().optional() })
  // `{}` (or only `resetTotp: false`) changes nothing: a 400, not an empty UPDATE failing as 500.
  .refine(
    (b) => Object.entries(b).some(([k, v]) => v !== undefined && !(k === 'resetTotp' && !v)),
    'nothing to change',
  );
export type TUserUpdate = z.input<typeof ZUserUpdate>;
