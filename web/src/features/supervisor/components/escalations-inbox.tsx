import { useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { Link } from '../../../shared/router/router';
import { ErrorText } from '../../../shared/ui/error-text';
import {
  fetchEscalations,
  fetchFailedDeliveries,
  resendDelivery,
  type TEscalation,
  type TFailedDelivery,
} from '../api/supervisor.api';

function EscalationTable({ items }: { items: TEscalation[] }) {
  const { t, i18n } = useT('supervisor');
  if (!items.length) return <p className="muted">{t('escalations.empty')}</p>;
  return (
    <table className="panel" data-testid="escalations">
      <thead>
        <tr>
          <th>{t('escalations.case')}</th>
          <th>{t('escalations.partner')}</th>
          <th>{t('escalations.needs')}</th>
          <th>{t('escalations.state')}</th>
          <th>{t('escalations.due')}</th>
          <th>{t('escalations.level')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.ticketId}>
            <td>
              <Link
                to={`/desk/cases/${e.caseId}`}
                aria-label={t('escalations.openCase', { code: e.caseCode })}
              >
                {e.caseCode}
              </Link>
            </td>
            <td>{i18n.language === 'en' ? e.unitNameEn : e.unitNameLo}</td>
            <td>{e.needs.map((n) => t(`common:needs.${n}`, { defaultValue: n })).join(', ')}</td>
            <td>{t(`states.${e.state}`, { defaultValue: e.state })}</td>
            <td>
              {e.timer ? `${t(`timers.${e.timer}`)} · ` : ''}
              {e.dueAt ? formatDateTime(e.dueAt) : '—'}{' '}
              {e.overdue ? (
                <span className="tag tag--danger">{t('escalations.overdue')}</span>
              ) : null}
            </td>
            <td>
              {e.escalationLevel ? t('escalations.levelN', { level: e.escalationLevel }) : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FailedTable({
  items,
  onResend,
}: {
  items: TFailedDelivery[];
  onResend: (id: string) => void;
}) {
  const { t, i18n } = useT('supervisor');
  if (!items.length) return <p className="muted">{t('failed.empty')}</p>;
  return (
    <table className="panel" data-testid="failed-deliveries">
      <thead>
        <tr>
          <th>{t('escalations.partner')}</th>
          <th>{t('failed.channel')}</th>
          <th>{t('failed.attempts')}</th>
          <th>{t('failed.failedAt')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td>{i18n.language === 'en' ? d.unitName : d.unitNameLo}</td>
            <td>{t(`channels.${d.channel}`, { defaultValue: d.channel })}</td>
            <td>{d.attempts}</td>
            <td>{d.failedAt ? formatDateTime(d.failedAt) : '—'}</td>
            <td>
              <button type="button" className="button" onClick={() => onResend(d.id)}>
                {t('failed.resend')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What needs a supervisor's attention in referrals: overdue or escalated tickets, failed sends. */
export function EscalationsInbox() {
  const { t } = useT('supervisor');
  const [items, setItems] = useState<TEscalation[] | null>(null);
  const [failed, setFailed] = useState<TFailedDelivery[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [resent, setResent] = useState(false);
  const load = useCallback(() => {
    fetchEscalations().then(setItems, setError);
    fetchFailedDeliveries().then(setFailed, setError);
  }, []);
  useEffect(load, [load]);
  const resend = (id: string) => {
    setResent(false);
    resendDelivery(id).then(() => {
      setResent(true);
      load();
    }, setError);
  };
  return (
    <>
      <ErrorText error={error} />
      <h2>{t('escalations.title')}</h2>
      {items ? (
        <EscalationTable items={items} />
      ) : (
        <p className="loading">{t('common:status.loading')}</p>
      )}
      <h2>{t('failed.title')}</h2>
      {resent ? (
        <p role="status" className="tag tag--ok">
          {t('failed.resent')}
        </p>
      ) : null}
      <FailedTable items={failed} onResend={resend} />
    </>
  );
}
