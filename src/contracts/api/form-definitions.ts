// Each hotline's versioned form definitions: the staff API's schemas, and the desk's and the
// administrator screen's types. Zod only: web/ imports this file.
import { z } from 'zod';
import { ZFormDefinition } from '../victim-profile';

export const ZFormPublish = z.object({ definition: ZFormDefinition });
export type TFormPublish = z.infer<typeof ZFormPublish>;

const ZFormVersion = z.object({
  version: z.number().int(),
  definition: ZFormDefinition,
  createdAt: z.string(),
  /** Who published it; null for a version seeded with the system. */
  createdBy: z.string().nullable(),
});
export type TFormVersion = z.infer<typeof ZFormVersion>;

/** Every version of one hotline's form, newest first; the newest is the one the desk shows. */
export const ZFormVersions = z.object({
  hotline: z.string(),
  current: z.number().int().nullable(),
  versions: z.array(ZFormVersion),
  /** What the desk shows while no version is stored (the form shipped for this hotline). */
  shipped: ZFormDefinition,
});
export type TFormVersions = z.infer<typeof ZFormVersions>;
