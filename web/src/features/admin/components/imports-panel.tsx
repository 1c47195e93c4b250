import { useEffect, useState } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import {
  fetchImport,
  importKinds,
  startImport,
  templateUrl,
  undoImport,
  uploadImport,
  type TImportBatch,
  type TImportKind,
} from '../api/imports.api';
import '../imports.strings';

const busy = new Set(['checking', 'importing']);

/** Administration → Import: template, file, dry run with each bad row's reason, import, undo. */
export function ImportsPanel({ hotlines }: { hotlines: string[] }) {
  const { t, i18n } = useT('imports');
  const [kind, setKind] = useState<TImportKind>('people');
  const [hotline, setHotline] = useState(hotlines[0] ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [batch, setBatch] = useState<TImportBatch | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lang = i18n.language === 'en' ? 'en' : 'lo';

  // Progress: the worker updates the batch after each chunk; read it until the step is done.
  useEffect(() => {
    if (!batch || !busy.has(batch.status)) return;
    const timer = setTimeout(() => fetchImport(batch.id, lang).then(setBatch, setError), 1000);
    return () => clearTimeout(timer);
  }, [batch, lang]);

  // Reasons and column names come in the reader's language: read them again when it changes.
  const batchId = batch?.id;
  useEffect(() => {
    if (batchId) fetchImport(batchId, lang).then(setBatch, setError);
  }, [batchId, lang]);

  const step = async (which: 'dry-run' | 'run') => {
    setError(null);
    try {
      const id =
        batch && batch.status !== 'undone'
          ? batch.id
          : await uploadImport(kind, hotline, file as File);
      await startImport(id, which);
      setBatch(await fetchImport(id, lang));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="panel">
      <h2>{t('title')}</h2>
      <p>{t('order')}</p>
      <label>
        {t('kind')}{' '}
        <select
          value={kind}
          onChange={(e) => (setKind(e.target.value as TImportKind), setBatch(null))}
        >
          {importKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('hotline')}{' '}
        <select value={hotline} onChange={(e) => setHotline(e.target.value)}>
          {hotlines.map((h) => (
            <option key={h}>{h}</option>
          ))}
        </select>
      </label>
      <p>
        {t('template')}: <a href={templateUrl(kind, 'xlsx')}>XLSX</a> ·{' '}
        <a href={templateUrl(kind, 'csv')}>CSV</a>
      </p>
      <label>
        {t('file')}{' '}
        <input
          type="file"
          accept=".csv,.xlsx"
          onChange={(e) => (setFile(e.target.files?.[0] ?? null), setBatch(null))}
        />
      </label>
      <p>
        <button type="button" disabled={!file || !hotline} onClick={() => void step('dry-run')}>
          {t('dryRun')}
        </button>{' '}
        <button
          type="button"
          disabled={!file || !hotline || batch?.status === 'imported'}
          onClick={() => void step('run')}
        >
          {t('run')}
        </button>{' '}
        {batch?.status === 'imported' ? (
          <button type="button" onClick={() => undoImport(batch.id, lang).then(setBatch, setError)}>
            {t('undo')}
          </button>
        ) : null}
      </p>
      <ErrorText error={error} />
      {batch ? (
        <div role="status">
          <p>
            <strong>{t(`status.${batch.status}`)}</strong>{' '}
            {t('progress', { done: batch.processedRows, total: batch.totalRows })}
          </p>
          {busy.has(batch.status) ? null : (
            <p>
              {t('result', {
                good: batch.importedRows,
                dup: batch.duplicateRows,
                bad: batch.skippedRows,
              })}
            </p>
          )}
          {batch.errors.length > 0 ? (
            <table>
              <thead>
                <tr>
                  <th>{t('row')}</th>
                  <th>{t('column')}</th>
                  <th>{t('reason')}</th>
                </tr>
              </thead>
              <tbody>
                {batch.errors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.row}</td>
                    <td>{e.columnLabel ?? ''}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
