import { useEffect, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { Link } from '../../../shared/router/router';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextField } from '../../../shared/ui/field';
import { LaoDateField } from '../../../shared/ui/lao-date-field';
import {
  fetchAuditPage,
  fetchStaffDirectory,
  type TAuditFilter,
  type TAuditRow,
  type TStaff,
} from '../api/supervisor.api';

const families = ['case', 'contact', 'person', 'ticket', 'user'] as const;
const exactActions = [
  'case.viewed',
  'case.updated',
  'case.status_changed',
  'contact.viewed',
  'person.viewed',
  'referral.consent_overridden',
  'audit.viewed',
  'blocklist.added',
  'hotline.settings_changed',
  'export.downloaded',
] as const;

function AuditTable({ rows }: { rows: TAuditRow[] }) {
  const { t } = useT('supervisor');
  return (
    <table className="panel" data-testid="audit-rows">
      <thead>
        <tr>
          <th>{t('audit.at')}</th>
          <th>{t('audit.actor')}</th>
          <th>{t('audit.action')}</th>
          <th>{t('audit.entity')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.seq}>
            <td>
              <time dateTime={r.at}>{formatDateTime(r.at)}</time>
            </td>
            <td>{r.actorName ?? t('audit.system')}</td>
            <td>
              {/* An action without a label yet reads as "other", never as its stored code. */}
              {t(`actions.${r.action}`, { defaultValue: t('audit.otherAction') })}
            </td>
            <td>
              {r.caseCode ? (
                <Link to={`/desk/cases/${r.entityId}`}>{r.caseCode}</Link>
              ) : (
                <small>
                  {t(`entities.${r.entityType}`, { defaultValue: t('audit.otherEntity') })}{' '}
                  <code>{r.entityId.slice(0, 8)}</code>
                </small>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The audit log, filtered by case, person acting, action and dates, newest first. */
export function AuditViewer() {
  const { t } = useT('supervisor');
  const [staff, setStaff] = useState<TStaff[]>([]);
  const [form, setForm] = useState<TAuditFilter>({});
  const [rows, setRows] = useState<TAuditRow[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const query = (filter: TAuditFilter, before?: number) => {
    setError(null);
    const clean = Object.fromEntries(
      Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''),
    ) as TAuditFilter;
    fetchAuditPage(clean, before).then((page) => {
      setRows((current) => (before && current ? [...current, ...page.rows] : page.rows));
      setNext(page.nextBefore);
    }, setError);
  };
  useEffect(() => {
    fetchStaffDirectory().then((d) => setStaff(d.staff), setError);
  }, []);

  const set = (key: keyof TAuditFilter) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  // A date typed but not readable yet: the field says so, and the search waits for it.
  const [unreadable, setUnreadable] = useState({ from: false, to: false });
  const setDate = (key: 'from' | 'to') => (iso: string | null) => {
    setUnreadable((u) => ({ ...u, [key]: iso === null }));
    set(key)(iso ?? '');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unreadable.from || unreadable.to) return;
    query(form);
  };
  const actionOptions = [
    ...families.map((f) => ({ value: `${f}.`, label: t(`families.${f}`) })),
    ...exactActions.map((a) => ({ value: a, label: t(`actions.${a}`) })),
  ];

  return (
    <>
      <h2>{t('audit.title')}</h2>
      <form className="panel supervisor-filters" onSubmit={submit} aria-label={t('audit.title')}>
        <TextField
          label={t('audit.caseCode')}
          value={form.caseCode ?? ''}
          onChange={(e) => set('caseCode')(e.target.value.trim())}
        />
        <SelectField
          label={t('audit.actor')}
          value={form.actorId ?? ''}
          placeholder={t('audit.anyone')}
          options={staff.map((s) => ({ value: s.userId, label: s.displayName }))}
          onChange={(e) => set('actorId')(e.target.value)}
        />
        <SelectField
          label={t('audit.action')}
          value={form.action ?? ''}
          placeholder={t('audit.anyAction')}
          options={actionOptions}
          onChange={(e) => set('action')(e.target.value)}
        />
        <LaoDateField
          label={t('audit.from')}
          iso={unreadable.from ? null : (form.from ?? '')}
          onIso={setDate('from')}
        />
        <LaoDateField
          label={t('audit.to')}
          iso={unreadable.to ? null : (form.to ?? '')}
          onIso={setDate('to')}
        />
        <button type="submit" className="button button--primary">
          {t('audit.search')}
        </button>
      </form>
      <p className="muted">{t('audit.audited')}</p>
      <ErrorText error={error} />
      {rows && !rows.length ? <p className="muted">{t('audit.empty')}</p> : null}
      {rows?.length ? <AuditTable rows={rows} /> : null}
      {next ? (
        <button type="button" className="button" onClick={() => query(form, next)}>
          {t('audit.more')}
        </button>
      ) : null}
    </>
  );
}
