import type { TImportRowError } from '../../../db/schema/imports';
import { recordAudit } from '../audit/audit.repository';
import type { TRecordsDeps } from '../cases/records.deps';
import { decryptField } from '../crypto/field-cipher';
import { keyringOf } from '../crypto/keyring';
import { checkRow, matchHeaders } from './import-columns.policy';
import { readImportFile } from './import-file';
import { writeRows, type TGoodRow } from './import-writers';
import { loadLookups, resolveReferences } from './import-references';
import { knownExternalIds, loadBatch, updateBatch } from './imports.repository';

export type TImportMode = 'check' | 'import';

const CHUNK = 2000;
/** Row errors kept on the batch; the counts stay exact beyond it. */
export const MAX_KEPT_ERRORS = 5000;

/**
 * The dry run and the import: the same checks on every row, chunk by chunk, with progress on the
 * batch row after each chunk. The import writes each chunk's good rows in one transaction; a bad
 * row is recorded (row, column, reason) and skipped, never silently dropped. Rows whose external
 * id an earlier batch imported are counted as duplicates and left alone, so running the same
 * file again creates nothing new. Safe to run twice: the second run finds every id known.
 */
export async function runImportBatch(
  deps: TRecordsDeps,
  batchId: string,
  mode: TImportMode,
): Promise<{ imported: number; duplicates: number; skipped: number }> {
  const batch = await loadBatch(deps.db, batchId);
  // Nothing to do for a batch already imported (its file is gone) or one without its uploader.
  if (!batch.fileEnc || !batch.createdById) return { imported: 0, duplicates: 0, skipped: 0 };
  const keyring = keyringOf(deps.config);
  const file = Buffer.from(
    decryptField(
      keyring,
      { table: 'import_batches', column: 'file_enc', rowId: batchId },
      batch.fileEnc,
    ),
    'base64',
  );
  // A file that is not CSV or XLSX is reported on the batch like a bad row: retrying cannot help.
  const table = await readImportFile(file, batch.format).catch(() => null);
  const [header = [], ...rows] = table ?? [];
  const columns = matchHeaders(batch.kind, header);
  const errors: TImportRowError[] = [];
  const failedRows = new Set<number>();
  const fail = (e: TImportRowError) => {
    failedRows.add(e.row);
    if (errors.length < MAX_KEPT_ERRORS) errors.push(e);
  };
  await updateBatch(deps.db, batchId, {
    status: mode === 'check' ? 'checking' : 'importing',
    totalRows: rows.length,
    processedRows: 0,
  });
  if (!table) fail({ row: 1, column: null, code: 'file_unreadable' });
  else if (!columns.some(Boolean)) fail({ row: 1, column: null, code: 'no_columns' });
  else if (rows.length === 0) fail({ row: 1, column: null, code: 'empty_file' });
  const lookups = await loadLookups(deps.db, batch.kind);
  const seen = new Set<string>();
  const now = new Date();
  const ctx = { deps, hotline: batch.hotline, batchId, actorId: batch.createdById };
  let imported = 0;
  let duplicates = 0;
  for (let start = 0; columns.some(Boolean) && start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const checked: Array<TGoodRow & { row: number }> = [];
    chunk.forEach((cells, i) => {
      const row = start + i + 2; // the spreadsheet's own row number (header is row 1)
      const verdict = checkRow(batch.kind, columns, cells, now);
      if (!verdict.ok) return verdict.problems.forEach((p) => fail({ row, ...p }));
      const externalId = verdict.values.external_id as string;
      if (seen.has(externalId))
        return fail({ row, column: 'external_id', code: 'duplicate_in_file' });
      seen.add(externalId);
      checked.push({ row, externalId, values: verdict.values });
    });
    const known = await knownExternalIds(
      deps.db,
      batch.hotline,
      batch.kind,
      checked.map((r) => r.externalId),
    );
    const fresh = checked.filter((r) => {
      if (known.has(r.externalId)) duplicates++;
      return !known.has(r.externalId);
    });
    const good = await resolveReferences(deps.db, batch.kind, batch.hotline, fresh, lookups, fail);
    if (mode === 'import')
      await deps.db.transaction(async (tx) => {
        await writeRows(tx, ctx, batch.kind, good);
        await updateBatch(tx, batchId, { processedRows: start + chunk.length });
      });
    else await updateBatch(deps.db, batchId, { processedRows: start + chunk.length });
    imported += good.length;
  }
  const skipped = failedRows.size;
  await deps.db.transaction(async (tx) => {
    await updateBatch(tx, batchId, {
      status: mode === 'check' ? 'checked' : 'imported',
      processedRows: rows.length,
      importedRows: imported,
      duplicateRows: duplicates,
      skippedRows: skipped,
      // Cell problems are found before reference problems: the reader reads them row by row.
      errors: errors.sort((a, b) => a.row - b.row),
      // The file is personal data: gone once its records are in (they are encrypted there).
      ...(mode === 'import' && { fileEnc: null }),
    });
    if (mode === 'import')
      await recordAudit(tx, deps.config, {
        actorId: batch.createdById,
        action: 'import.completed',
        entityType: 'import_batch',
        entityId: batchId,
        data: { kind: batch.kind, imported, duplicates, skipped },
      });
  });
  return { imported, duplicates, skipped };
}
