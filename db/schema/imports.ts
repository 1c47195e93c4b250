import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { importKinds, importStatuses } from '../../src/contracts/api/imports';
import { timestamps } from './columns';
import { staffUsers } from './staff';

export { importKinds, importStatuses, type TImportKind } from '../../src/contracts/api/imports';

/** One problem with one row: codes only (the reader's language is chosen when it is shown). */
export type TImportRowError = { row: number; column: string | null; code: string };

/**
 * One uploaded file of historical records. The file itself is personal data: it is kept
 * encrypted (AAD import_batches/file_enc/id) only until it has been imported or undone.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey(),
    hotline: text('hotline').notNull(),
    kind: text('kind', { enum: importKinds }).notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    fileEnc: text('file_enc'),
    status: text('status', { enum: importStatuses }).notNull().default('uploaded'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    /** Rows whose external id an earlier batch already imported (idempotent re-import). */
    duplicateRows: integer('duplicate_rows').notNull().default(0),
    skippedRows: integer('skipped_rows').notNull().default(0),
    errors: jsonb('errors').$type<TImportRowError[]>().notNull().default([]),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [index('import_batches_hotline_idx').on(t.hotline, t.createdAt)],
);

/**
 * Every record an import created, under its external id (unique per hotline and kind: importing
 * the same file twice creates nothing new) and its batch (undo removes exactly these).
 */
export const importRecords = pgTable(
  'import_records',
  {
    hotline: text('hotline').notNull(),
    kind: text('kind', { enum: importKinds }).notNull(),
    externalId: text('external_id').notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => importBatches.id),
    recordId: uuid('record_id').notNull(),
    /** For a person: the case the import opened for them (their contacts and referrals join it). */
    caseId: uuid('case_id'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.hotline, t.kind, t.externalId] }),
    index('import_records_batch_idx').on(t.batchId),
  ],
);
