// Import of historical records: the admin API's answers and the import screen's types.
// Zod only: web/ imports this file.
import { z } from 'zod';

// In the order an administrator imports them (a person joins an imported case).
export const importKinds = ['cases', 'people', 'contacts', 'referrals', 'service_events'] as const;
export type TImportKind = (typeof importKinds)[number];
export const importStatuses = [
  'uploaded',
  'checking',
  'checked',
  'importing',
  'imported',
  'undone',
  'failed',
] as const;

/** A batch as the admin screen follows it: counts, and each row's problem in the reader's language. */
export const ZImportBatch = z.object({
  id: z.string(),
  hotline: z.string(),
  kind: z.enum(importKinds),
  status: z.enum(importStatuses),
  totalRows: z.number(),
  processedRows: z.number(),
  importedRows: z.number(),
  duplicateRows: z.number(),
  skippedRows: z.number(),
  errors: z.array(
    z.object({
      row: z.number(),
      column: z.string().nullable(),
      columnLabel: z.string().nullable(),
      code: z.string(),
      reason: z.string(),
    }),
  ),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type TImportBatch = z.infer<typeof ZImportBatch>;
/** The upload's answer: the new batch, to dry-run next. */
export const ZImportUploaded = z.object({ id: z.string() });
