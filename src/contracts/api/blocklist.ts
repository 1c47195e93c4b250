// Blocked numbers: the staff API's schemas and the admin screen's types. Zod only: web/ imports it.
import { z } from 'zod';

export const blockReasons = ['abusive', 'hoax', 'harassing_staff', 'other'] as const;
export type TBlockReason = (typeof blockReasons)[number];

/** A block as listed: the number's last digits only. */
export const ZBlock = z.object({
  id: z.string(),
  phoneLast: z.string().nullable(),
  hotline: z.string().nullable(),
  reason: z.string(),
  expiresAt: z.iso.datetime().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TBlock = z.infer<typeof ZBlock>;

export const ZNewBlock = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{6,25}$/),
  hotline: z
    .string()
    .regex(/^\d{3,6}$/)
    .nullable(),
  reason: z.enum(blockReasons),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TNewBlock = z.input<typeof ZNewBlock>;
