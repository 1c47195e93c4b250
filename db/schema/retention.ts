import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { retentionRecordTypes } from '../../src/contracts/api/retention';
import { timestamps } from './columns';

export { retentionRecordTypes } from '../../src/contracts/api/retention';

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
