import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

export const retentionRecordTypes = ['case', 'contact_without_case', 'person'] as const;

/**
 * How long each kind of record is kept once it is finished (a case: after closing; a contact
 * with no case: after it happened; a person: once no case links them). Null days = keep forever.
 * Records under legal hold are never deleted.
 */
export const retentionPolicies = pgTable('retention_policies', {
  recordType: text('record_type', { enum: retentionRecordTypes }).primaryKey(),
  retainDays: integer('retain_days'),
  updatedById: uuid('updated_by_id'),
  ...timestamps,
});
