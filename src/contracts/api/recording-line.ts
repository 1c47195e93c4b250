// The prompts' recording line as administrators see it: its numbers, who may record (and
// whether they have a PIN), and the prompts still on their placeholder. Zod only: web/ imports it.
import { z } from 'zod';

export const ZRecordingLine = z.object({
  id: z.uuid(),
  phoneNumber: z.string(),
  /** Null: the system-wide line (every hotline the caller administers). */
  hotline: z.string().nullable(),
});
export type TRecordingLineView = z.infer<typeof ZRecordingLine>;

/** An administrator who may record prompts; the PIN itself is never read back. */
export const ZRecorder = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  /** Empty: every hotline. */
  hotlines: z.array(z.string()),
  pinSetAt: z.iso.datetime().nullable(),
});
export type TRecorder = z.infer<typeof ZRecorder>;

/** A PIN the system made up: in this one answer only, never stored or shown again. */
export const ZNewPin = z.object({ pin: z.string() });

/** Per active hotline, the prompts its callers would still hear as placeholders. */
export const ZPromptPlaceholders = z.object({
  hotlines: z.array(
    z.object({
      hotline: z.string(),
      missing: z.array(z.object({ language: z.string(), prompt: z.string() })),
    }),
  ),
});
export type TPromptPlaceholders = z.infer<typeof ZPromptPlaceholders>;
