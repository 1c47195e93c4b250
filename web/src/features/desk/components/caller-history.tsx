import { useEffect, useState } from 'react';
import { formatDate } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { callerHistory, type TCallerHistory } from '../api/callers.api';
import '../contact.strings';

const SHOWN = 3;

/** In the offer banner: has this number called before, with what, and any flag in force. */
export function CallerHistory({ callSid }: { callSid: string }) {
  const { t } = useT('desk');
  const [history, setHistory] = useState<TCallerHistory | null>(null);

  useEffect(() => {
    let cancelled = false;
    // No history (withheld number, lookup refused) simply shows nothing: the call still rings.
    void callerHistory(callSid)
      .then((h) => !cancelled && setHistory(h))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [callSid]);

  if (!history) return null;
  const { earlierContacts, flags } = history;
  return (
    <div className="caller-history" data-testid="caller-history">
      <p>
        <strong>
          {earlierContacts.length > 0
            ? t('offer.repeat', { count: earlierContacts.length })
            : t('offer.firstTime')}
        </strong>
        {flags.map((f) => (
          <span key={`${f.kind}-${f.hotline ?? ''}`} className="tag tag--danger">
            {t(`offer.flags.${f.kind}`, { defaultValue: f.kind })}
          </span>
        ))}
      </p>
      {earlierContacts.length > 0 ? (
        <ul aria-label={t('offer.earlier')}>
          {earlierContacts.slice(0, SHOWN).map((c) => (
            <li key={c.id}>
              {formatDate(c.occurredAt)} · {c.hotline} ·{' '}
              {t(`contact:about.types.${c.contactType}`, { defaultValue: c.contactType })}
              {c.noSms ? ` · ${t('contact:safety.noSms')}` : ''}
              {c.noVoicemail ? ` · ${t('contact:safety.noVoicemail')}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
