// The administrator's hotline settings: the staff API's schemas and the admin screen's types.
// Zod only: web/ imports this file.
import { z } from 'zod';
import { afterHoursModes, ZHotline, ZOpeningHours } from '../hotlines';

/** Every hotline the administrator may see. */
export const ZHotlineList = z.object({ hotlines: z.array(ZHotline) });

/** What an administrator may change of a hotline; at least one field. */
export const ZHotlineChange = z
  .object({
    openingHours: ZOpeningHours,
    afterHours: z.enum(afterHoursModes),
    dutyMobile: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/)
      .nullable(),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/))
      .min(1)
      .max(12),
    defaultLanguage: z.string().regex(/^[a-z]{2,3}$/),
    recordingNotice: z.boolean(),
    afterCallQuestion: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { message: 'nothing to change' });
export type THotlineChange = z.input<typeof ZHotlineChange>;
