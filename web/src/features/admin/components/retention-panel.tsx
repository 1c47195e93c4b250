import { useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { fetchRetention, recordTypes, setRetention, type TPolicy } from '../api/retention.api';

// A record type never set yet is kept forever; it still gets its row so it can be set.
type TRow = Omit<TPolicy, 'updatedAt'> & { updatedAt: string | null };
const withDefaults = (policies: TPolicy[]): TRow[] =>
  recordTypes.map(
    (recordType) =>
      policies.find((p) => p.recordType === recordType) ?? {
        recordType,
        retainDays: null,
        updatedAt: null,
      },
  );

function PolicyRow({ policy, onSaved }: { policy: TRow; onSaved: () => void }) {
  const { t } = useT('admin');
  const [forever, setForever] = useState(policy.retainDays === null);
  const [days, setDays] = useState(String(policy.retainDays ?? 3650));
  const [error, setError] = useState<unknown>(null);
  const save = () => {
    setError(null);
    setRetention(policy.recordType, forever ? null : Number(days)).then(onSaved, setError);
  };
  const label = t(`retention.types.${policy.recordType}`);
  return (
    <tr>
      <th scope="row">
        {label}
        <br />
        <small className="muted">{t(`retention.after.${policy.recordType}`)}</small>
      </th>
      <td>
        <label className="admin-check">
          <input type="checkbox" checked={forever} onChange={(e) => setForever(e.target.checked)} />{' '}
          {t('retention.forever')}
        </label>
        {forever ? null : (
          <label className="admin-check">
            <input
              type="number"
              min={1}
              max={36500}
              value={days}
              aria-label={t('retention.daysFor', { type: label })}
              onChange={(e) => setDays(e.target.value)}
            />{' '}
            {t('retention.days')}
          </label>
        )}
        <ErrorText error={error} />
      </td>
      <td>{policy.updatedAt ? formatDateTime(policy.updatedAt) : '—'}</td>
      <td>
        <button
          type="button"
          className="button"
          aria-label={t('retention.saveFor', { type: label })}
          onClick={save}
        >
          {t('form.save')}
        </button>
      </td>
    </tr>
  );
}

/** How long finished records are kept before the retention run deletes them (legal hold aside). */
export function RetentionPanel() {
  const { t } = useT('admin');
  const [policies, setPolicies] = useState<TRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const load = useCallback(() => {
    fetchRetention().then((list) => setPolicies(withDefaults(list)), setError);
  }, []);
  useEffect(load, [load]);
  return (
    <>
      <p className="muted">{t('retention.hint')}</p>
      <ErrorText error={error} />
      {saved ? (
        <p role="status" className="tag tag--ok">
          {t('retention.saved')}
        </p>
      ) : null}
      {policies ? (
        <table className="panel" data-testid="retention">
          <thead>
            <tr>
              <th>{t('retention.record')}</th>
              <th>{t('retention.keep')}</th>
              <th>{t('prompts.updated')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <PolicyRow
                key={`${p.recordType}-${p.updatedAt ?? ''}`}
                policy={p}
                onSaved={() => {
                  setSaved(true);
                  load();
                }}
              />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="loading">{t('common:status.loading')}</p>
      )}
    </>
  );
}
