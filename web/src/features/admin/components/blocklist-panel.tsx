import { LaoDateField } from '../../../shared/ui/lao-date-field';
import { useState, type FormEvent } from 'react';
import { formatDate, formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { SelectField, TextField } from '../../../shared/ui/field';
import {
  addBlock,
  blockReasons,
  fetchBlocks,
  removeBlock,
  type TBlock,
  type TBlockReason,
} from '../api/blocklist.api';
import { AdminFeedback, AdminListTable, useAdminList } from './admin-list';

const ALL = '*';

/** Numbers kept off the hotlines: add with a reason and an optional end date, lift again. */
export function BlocklistPanel({ hotlines }: { hotlines: string[] }) {
  const { t } = useT('admin');
  const { rows, error, done, run } = useAdminList(fetchBlocks);
  const [phone, setPhone] = useState('');
  const [hotline, setHotline] = useState(ALL);
  const [reason, setReason] = useState<TBlockReason>('abusive');
  // '' = no end; null while what is typed is not a date (the field says so).
  const [until, setUntil] = useState<string | null>('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (until === null) return;
    const added = await run(
      () =>
        addBlock({
          phone,
          hotline: hotline === ALL ? null : hotline,
          reason,
          // The block ends at the start of that day in Vientiane.
          expiresAt: until ? `${until}T00:00:00+07:00` : null,
        }),
      (block) => ({ key: 'blocklist.added', values: { last: block.phoneLast ?? '' } }),
    );
    if (added) setPhone('');
  };
  const lift = (block: TBlock) =>
    run(
      () => removeBlock(block.id),
      () => ({ key: 'blocklist.removed', values: { last: block.phoneLast ?? '' } }),
    );

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
      <AdminFeedback error={error} done={done} />
      <AdminListTable
        rows={rows}
        className="panel"
        testId="blocklist"
        none={t('blocklist.empty')}
        columns={[
          { header: t('blocklist.number'), dir: 'ltr', cell: (b) => `…${b.phoneLast ?? '???'}` },
          { header: t('blocklist.hotline'), cell: (b) => b.hotline ?? t('blocklist.allHotlines') },
          {
            header: t('blocklist.reason'),
            cell: (b) => t(`blocklist.reasons.${b.reason}`, { defaultValue: b.reason }),
          },
          {
            header: t('blocklist.until'),
            cell: (b) => (b.expiresAt ? formatDate(b.expiresAt) : t('blocklist.untilLifted')),
          },
          { header: t('blocklist.since'), cell: (b) => formatDateTime(b.createdAt) },
          {
            header: '',
            cell: (b) => (
              <button
                type="button"
                className="button"
                aria-label={t('blocklist.liftNumber', { last: b.phoneLast ?? '' })}
                onClick={() => void lift(b)}
              >
                {t('blocklist.lift')}
              </button>
            ),
          },
        ]}
      />
    </>
  );
}
