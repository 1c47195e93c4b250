// How long finished records are kept: the admin API's schemas and the admin screen's types.
// Zod only: web/ imports this file.
import { z } from 'zod';

export const retentionRecordTypes = ['case', 'contact_without_case', 'person'] as const;
export type TRetentionRecordType = (typeof retentionRecordTypes)[number];

export const ZRetentionPolicy = z.object({
  recordType: z.enum(retentionRecordTypes),
  /** Null: kept for ever. */
  retainDays: z.number().int().nullable(),
  updatedAt: z.iso.datetime(),
});
export type TRetentionPolicy = z.infer<typeof ZRetentionPolicy>;
export const ZRetentionParams = z.object({ recordType: z.enum(retentionRecordTypes) });
export const ZRetentionChange = z.object({
  retainDays: z.number().int().min(1).max(36500).nullable(),
});
