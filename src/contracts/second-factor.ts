// The per-role second-factor setting as the administration API answers it and the admin screen reads it.
// Constants and zod only: web/ imports this file.
import { z } from 'zod';
import { staffRoles } from './staff-users';

export const ZSecondFactorSetting = z.object({
  role: z.enum(staffRoles),
  required: z.boolean(),
  exemption: z
    .object({ reason: z.string(), createdBy: z.uuid(), createdAt: z.iso.datetime() })
    .nullable(),
});
export type TSecondFactorSetting = z.infer<typeof ZSecondFactorSetting>;

/** An exemption needs a written reason: a few words at least, never an empty box. */
export const ZSecondFactorExemption = z.object({ reason: z.string().trim().min(10).max(500) });
