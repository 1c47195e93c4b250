// The one error shape of every 4xx/5xx answer. Zod only: web/ imports this file.
import { z } from 'zod';

/** The one error shape every route declares for its 4xx statuses. */
export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
