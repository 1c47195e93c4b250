import { randomUUID } from 'node:crypto';
import { importBatches, type TImportKind } from '../../../db/schema/imports';
import { AppError } from '../../errors/catalogue';
import type { TActor } from '../auth/actor';
import { recordAudit, type TDbOrTx } from '../audit/audit.repository';
import type { TRecordsDeps } from '../cases/records.deps';
import { encryptField } from '../crypto/field-cipher';
import { keyringOf } from '../crypto/keyring';
import type { TImportFormat } from './import-file';
import { columnLabel, reasonText, type TReaderLanguage } from './import-messages';
import {
  deleteBatchRecords,
  loadBatch,
  updateBatch,
  type TImportBatchRow,
} from './imports.repository';

/** Stores the uploaded file encrypted under a new batch; the worker reads it from there. */
export async function createImportBatch(
  deps: TRecordsDeps,
  actor: TActor,
  input: { hotline: string; kind: TImportKind; format: TImportFormat; file: Buffer },
): Promise<string> {
  if (!actor.hotlines.includes(input.hotline) && actor.role !== 'administrator')
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: '/hotline', message: 'not one of your hotlines' }],
    });
  const id = randomUUID();
  const fileEnc = encryptField(
    keyringOf(deps.config),
    { table: 'import_batches', column: 'file_enc', rowId: id },
    input.file.toString('base64'),
  );
  await deps.db.transaction(async (tx) => {
    await tx.insert(importBatches).values({
      id,
      hotline: input.hotline,
      kind: input.kind,
      format: input.format,
      fileEnc,
      createdById: actor.userId,
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'import.uploaded',
      entityType: 'import_batch',
      entityId: id,
      data: { kind: input.kind, format: input.format, bytes: input.file.length },
    });
  });
  return id;
}

/** One batch as the screen shows it; IMPORT_NOT_FOUND for an unknown id. */
export async function importBatchOf(db: TDbOrTx, id: string, language: TReaderLanguage) {
  return importBatchView(await loadBatch(db, id), language);
}

/** The batch as the screen shows it: progress, counts and each skipped row's reason in the reader's language. */
export function importBatchView(batch: TImportBatchRow, language: TReaderLanguage) {
  return {
    id: batch.id,
    hotline: batch.hotline,
    kind: batch.kind,
    status: batch.status,
    totalRows: batch.totalRows,
    processedRows: batch.processedRows,
    importedRows: batch.importedRows,
    duplicateRows: batch.duplicateRows,
    skippedRows: batch.skippedRows,
    errors: batch.errors.map((e) => ({
      row: e.row,
      column: e.column,
      columnLabel: columnLabel(batch.kind, e.column, language),
      code: e.code,
      reason: reasonText(e.code, language),
    })),
    createdAt: batch.createdAt.toISOString(),
    undoneAt: batch.undoneAt?.toISOString() ?? null,
  };
}

/** Marks the batch queued for a dry run or an import; refuses one that was undone or already imported. */
export async function queueImportRun(
  deps: TRecordsDeps,
  batchId: string,
  mode: 'check' | 'import',
) {
  const batch = await loadBatch(deps.db, batchId);
  if (!batch.fileEnc || ['checking', 'importing', 'imported', 'undone'].includes(batch.status))
    throw new AppError('IMPORT_NOT_READY');
  await updateBatch(deps.db, batchId, {
    status: mode === 'check' ? 'checking' : 'importing',
    processedRows: 0,
  });
  return batch;
}

/** Removes every record the batch created, in one transaction, audited. */
export async function undoImportBatch(deps: TRecordsDeps, actor: TActor, batchId: string) {
  return deps.db.transaction(async (tx) => {
    const batch = await loadBatch(tx, batchId);
    if (batch.status !== 'imported') throw new AppError('IMPORT_NOT_READY');
    const removed = await deleteBatchRecords(tx, batchId, batch.kind);
    await updateBatch(tx, batchId, { status: 'undone', undoneAt: new Date() });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'import.undone',
      entityType: 'import_batch',
      entityId: batchId,
      data: { kind: batch.kind, removed },
    });
    return removed;
  });
}
