// Recorded IVR prompts per hotline: the admin API's answers and the prompt screens' types.
// Zod only: web/ imports this file.
import { z } from 'zod';

/** What each hotline's callers hear, per language: uploaded recordings and placeholders left. */
export const ZPromptList = z.object({
  prompts: z.array(z.string()),
  languages: z.array(z.string()),
  uploaded: z.array(
    z.object({
      prompt: z.string(),
      language: z.string(),
      contentType: z.string(),
      updatedAt: z.iso.datetime(),
    }),
  ),
  /** Prompts this hotline's callers can hear that still play the placeholder. */
  missing: z.array(z.object({ language: z.string(), prompt: z.string() })),
});
export type TPromptList = z.infer<typeof ZPromptList>;

/** One version of a prompt slot: recorded in the browser or uploaded, approved or a draft. */
export const ZPromptVersion = z.object({
  version: z.number(),
  source: z.enum(['recorded', 'uploaded']),
  createdAt: z.iso.datetime(),
  approvedAt: z.iso.datetime().nullable(),
  /** What callers hear now: the version approved last. */
  live: z.boolean(),
});
export type TPromptVersion = z.infer<typeof ZPromptVersion>;
export const ZPromptVersions = z.object({ versions: z.array(ZPromptVersion) });
