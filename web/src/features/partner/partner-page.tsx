import { useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../../shared/format/date-format';
import { useT } from '../../shared/i18n/i18n';
import { useRealtime, useRealtimeEvent } from '../../shared/realtime/use-realtime';
import { Link, matchPath, usePath, useSearchParam } from '../../shared/router/router';
import { ErrorText } from '../../shared/ui/error-text';
import { fetchInbox, type TInboxItem } from './api/partner.api';
import { TicketView } from './components/ticket-view';
import './partner.css';
import './partner.strings';

const boxes = ['new', 'mine', 'unit'] as const;
type TBox = (typeof boxes)[number];

function Inbox({ box }: { box: TBox }) {
  const { t } = useT('partner');
  const { connection } = useRealtime();
  // The list is kept with the box it answers, so a box just left never shows in the new one.
  const [loaded, setLoaded] = useState<{ box: TBox; items: TInboxItem[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    fetchInbox(box).then((found) => setLoaded({ box, items: found }), setError);
  }, [box]);
  // Read again on every (re)connect: pushes sent while the socket was away are lost.
  useEffect(load, [load, connection]);
  // A ticket of my organisation was created or changed (by us, the hotline, or an escalation).
  useRealtimeEvent('ticket:updated', load);
  const items = loaded?.box === box ? loaded.items : null;
  if (error) return <ErrorText error={error} />;
  if (!items) return <p className="loading">{t('common:status.loading')}</p>;
  if (!items.length) return <p className="muted">{t('inbox.empty')}</p>;
  return (
    <ul className="partner-inbox">
      {items.map((item) => {
        const due = item.state === 'pending' ? item.dueAcknowledgeAt : item.dueDecideAt;
        return (
          <li key={item.id} className="panel">
            <Link to={`/partner/tickets/${item.id}`}>
              <strong>
                {item.needs.map((n) => t(`common:needs.${n}`, { defaultValue: n })).join(', ')}
              </strong>
            </Link>
            <span className="tag">{t(`states.${item.state}`)}</span>
            <span className="tag">
              {t(`priorities.${item.priority}`, { defaultValue: item.priority })}
            </span>
            {due ? <small>{t('inbox.due', { at: formatDateTime(due) })}</small> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Partner portal for signed-in partner users: inbox (new, mine, my unit) and one ticket. */
export default function PartnerPage() {
  const { t } = useT('partner');
  const path = usePath();
  const box = (useSearchParam('box') ?? 'new') as TBox;
  const ticketId = matchPath('/partner/tickets/:id', path)?.id;
  return (
    <section className="partner">
      {ticketId ? (
        <>
          <Link to="/partner">← {t('common:actions.back')}</Link>
          <TicketView ticketId={ticketId} />
        </>
      ) : (
        <>
          <h1>{t('title')}</h1>
          <nav className="partner-boxes" aria-label={t('title')}>
            {boxes.map((b) => (
              <Link key={b} to={`/partner?box=${b}`} aria-current={b === box ? 'page' : undefined}>
                {t(`boxes.${b}`)}
              </Link>
            ))}
          </nav>
          <Inbox box={boxes.includes(box) ? box : 'new'} />
        </>
      )}
    </section>
  );
}
