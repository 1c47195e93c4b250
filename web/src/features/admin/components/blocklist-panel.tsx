import { LaoDateField } from '../../../shared/ui/lao-date-field';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { formatDate, formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextField } from '../../../shared/ui/field';
import {
  addBlock,
  blockReasons,
  fetchBlocks,
  removeBlock,
  type TBlock,
  type TBlockReason,
} from '../api/blocklist.api';

const ALL = '*';

/** Numbers kept off the hotlines: add with a reason and an optional end date, lift again. */
export function BlocklistPanel({ hotlines }: { hotlines: string[] }) {
  const { t } = useT('admin');
  const [blocks, setBlocks] = useState<TBlock[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Kept as a key so the message follows a change of language.
  const [done, setDone] = useState<{ key: string; last: string } | null>(null);
  const [phone, setPhone] = useState('');
  const [hotline, setHotline] = useState(ALL);
  const [reason, setReason] = useState<TBlockReason>('abusive');
  // '' = no end; null while what is typed is not a date (the field says so).
  const [until, setUntil] = useState<string | null>('');
  const load = useCallback(() => {
    fetchBlocks().then(setBlocks, setError);
  }, []);
  useEffect(load, [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    if (until === null) return;
    try {
      const block = await addBlock({
        phone,
        hotline: hotline === ALL ? null : hotline,
        reason,
        // The block ends at the start of that day in Vientiane.
        expiresAt: until ? `${until}T00:00:00+07:00` : null,
      });
      setPhone('');
      setDone({ key: 'blocklist.added', last: block.phoneLast ?? '' });
      load();
    } catch (err) {
      setError(err);
    }
  };
  const lift = async (block: TBlock) => {
    setError(null);
    try {
      await removeBlock(block.id);
      setDone({ key: 'blocklist.removed', last: block.phoneLast ?? '' });
      load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <form className="panel admin-form" onSubmit={(e) => void submit(e)}>
        <h2>{t('blocklist.add')}</h2>
        <div className="admin-form__row">
          <TextField
            label={t('blocklist.phone')}
            hint={t('blocklist.phoneHint')}
            value={phone}
            inputMode="tel"
            required
            autoComplete="off"
            onChange={(e) => setPhone(e.target.value)}
          />
          <SelectField
            label={t('blocklist.hotline')}
            value={hotline}
            options={[
              { value: ALL, label: t('blocklist.allHotlines') },
              ...hotlines.map((h) => ({ value: h, label: h })),
            ]}
            onChange={(e) => setHotline(e.target.value)}
          />
          <SelectField
            label={t('blocklist.reason')}
            value={reason}
            options={blockReasons.map((r) => ({ value: r, label: t(`blocklist.reasons.${r}`) }))}
            onChange={(e) => setReason(e.target.value as TBlockReason)}
          />
          <LaoDateField
            label={t('blocklist.until')}
            hint={t('blocklist.untilHint')}
            iso={until}
            onIso={setUntil}
          />
        </div>
        <div className="admin-form__footer">
          <button type="submit" className="button button--danger">
            {t('blocklist.block')}
          </button>
          <small className="muted">{t('blocklist.privacy')}</small>
        </div>
      </form>
      <ErrorText error={error} />
      {done ? (
        <p role="status" className="tag tag--ok">
          {t(done.key, { last: done.last })}
        </p>
      ) : null}
      {blocks && !blocks.length ? <p className="muted">{t('blocklist.empty')}</p> : null}
      {blocks?.length ? (
        <table className="panel" data-testid="blocklist">
          <thead>
            <tr>
              <th>{t('blocklist.number')}</th>
              <th>{t('blocklist.hotline')}</th>
              <th>{t('blocklist.reason')}</th>
              <th>{t('blocklist.until')}</th>
              <th>{t('blocklist.since')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {blocks.map((b) => (
              <tr key={b.id}>
                <td dir="ltr">…{b.phoneLast ?? '???'}</td>
                <td>{b.hotline ?? t('blocklist.allHotlines')}</td>
                <td>{t(`blocklist.reasons.${b.reason}`, { defaultValue: b.reason })}</td>
                <td>{b.expiresAt ? formatDate(b.expiresAt) : t('blocklist.untilLifted')}</td>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    aria-label={t('blocklist.liftNumber', { last: b.phoneLast ?? '' })}
                    onClick={() => void lift(b)}
                  >
                    {t('blocklist.lift')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
