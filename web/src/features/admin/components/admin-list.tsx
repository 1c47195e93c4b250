import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';

/** What was done, kept as an i18n key and its values so the message follows a change of language. */
export type TAdminDone = { key: string; values?: Record<string, string> };

/**
 * An admin list: its rows (null while loading), the last error, and what was last done. `run`
 * sends one change, says what it did (or why it failed) and reads the list again.
 * `reloadKey` names what the rows depend on (the hotline): a new key reads them again.
 */
export function useAdminList<Row>(fetchRows: () => Promise<Row[]>, reloadKey = '') {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<TAdminDone | null>(null);
  // The latest fetch, read when the key changes: callers need not memoise it.
  const fetchRef = useRef(fetchRows);
  useEffect(() => {
    fetchRef.current = fetchRows;
  });
  const reload = useCallback(() => {
    fetchRef.current().then(setRows, setError);
  }, []);
  useEffect(reload, [reload, reloadKey]);

  const run = async <T,>(change: () => Promise<T>, said: (result: T) => TAdminDone) => {
    setError(null);
    setDone(null);
    try {
      const result = await change();
      setDone(said(result));
      reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  /** Says what a child form did by itself (it sent its own change), and reads the list again. */
  const said = (what: TAdminDone) => {
    setError(null);
    setDone(what);
    reload();
  };
  return { rows, error, done, run, said, reload };
}

/** The failure in the user's language, or what was done; nothing when there is neither. */
export function AdminFeedback({ error, done }: { error: unknown; done: TAdminDone | null }) {
  const { t } = useT('admin');
  return (
    <>
      <ErrorText error={error} />
      {done ? (
        <p role="status" className="tag tag--ok">
          {t(done.key, done.values)}
        </p>
      ) : null}
    </>
  );
}

export type TAdminColumn<Row> = {
  /** Empty for the actions' column. */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers, addresses and ids read left to right whatever the page's direction. */
  dir?: 'ltr';
  lang?: (row: Row) => string;
};

/** The rows as a table, or `none` when there are none; `loading` (or nothing) while they load. */
export function AdminListTable<Row extends { id: string }>({
  rows,
  columns,
  none,
  loading,
  testId,
  className,
  rowClassName,
}: {
  rows: Row[] | null;
  columns: TAdminColumn<Row>[];
  /** Said instead of an empty table; without it, the table's headings alone. */
  none?: string;
  /** Said while the rows load; without it, nothing. */
  loading?: string;
  testId: string;
  className?: string;
  /** E.g. 'muted' for a disabled account or an inactive unit. */
  rowClassName?: (row: Row) => string | undefined;
}) {
  if (!rows) return loading ? <p className="loading">{loading}</p> : null;
  if (!rows.length && none) return <p className="muted">{none}</p>;
  return (
    <table className={className} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i}>{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={rowClassName?.(row)}>
            {columns.map((column, i) => (
              <td key={i} dir={column.dir} lang={column.lang?.(row)}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
