import { useCallback, useEffect, useState } from 'react';
import { formatDate } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { useRealtime, useRealtimeEvent } from '../../../shared/realtime/use-realtime';
import { Link } from '../../../shared/router/router';
import { completeFollowUp, myFollowUps, type TMyFollowUp } from '../api/lifecycle.api';
import { ActionError } from './action-error';
import '../lifecycle.strings';

/**
 * "My follow-ups today" on the desk home: open ones due today or earlier, overdue first. A
 * reminder pushed when one falls due reloads the list and says which case it is.
 */
export function MyFollowUps() {
  const { t } = useT('case');
  const { connection } = useRealtime();
  const [items, setItems] = useState<TMyFollowUp[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reminded, setReminded] = useState<string | null>(null);
  const load = useCallback(() => {
    myFollowUps().then(setItems, setError);
  }, []);
  useEffect(load, [load, connection]);
  useRealtimeEvent('followup:due', ({ caseCode }) => {
    setReminded(caseCode);
    load();
  });
  const complete = (id: string) => completeFollowUp(id).then(load, setError);

  return (
    <section className="panel" aria-labelledby="my-follow-ups-title" data-testid="my-follow-ups">
      <h2 id="my-follow-ups-title">{t('followUps.mine')}</h2>
      {reminded ? (
        <p role="status" className="notice">
          {t('followUps.reminded', { code: reminded })}
        </p>
      ) : null}
      <ActionError error={error} />
      {items && items.length === 0 ? <p className="muted">{t('followUps.mineNone')}</p> : null}
      <ul>
        {(items ?? []).map((f) => (
          <li key={f.id} data-testid="my-follow-up">
            {f.overdue ? <span className="tag tag--danger">{t('followUps.overdue')}</span> : null}{' '}
            <Link to={`/desk/cases/${f.caseId}`}>{f.caseCode}</Link> · {f.task} ·{' '}
            {t('followUps.dueOn', { date: formatDate(`${f.dueOn}T12:00:00+07:00`) })}{' '}
            <button type="button" className="button" onClick={() => void complete(f.id)}>
              {t('followUps.complete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
