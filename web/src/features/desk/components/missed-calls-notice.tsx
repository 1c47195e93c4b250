import { useState } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { setPresence } from '../../../shared/realtime/socket-client';
import { useRealtime } from '../../../shared/realtime/use-realtime';
import { unlockAudio } from '../hooks/ring-tone';
import { ActionError } from './action-error';

/**
 * Routing set me away after offers rang out unanswered: say so plainly, with the one step back.
 * It goes when I am available again (or choose another state), not on a click elsewhere.
 */
export function MissedCallsNotice() {
  const { t } = useT('desk');
  const { snapshot, connection } = useRealtime();
  const [error, setError] = useState<unknown>(null);
  const me = snapshot?.me;
  if (me?.state !== 'away' || me.reason !== 'missed_calls') return null;
  const back = async () => {
    setError(null);
    unlockAudio();
    try {
      await setPresence({ state: 'available' });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="missed-calls" role="alert" data-testid="missed-calls">
      <div>
        <h2>{t('missedCalls.title')}</h2>
        <p>{t('missedCalls.body', { count: me.consecutiveTimeouts })}</p>
      </div>
      <button
        type="button"
        className="button button--accept"
        disabled={connection !== 'online'}
        onClick={() => void back()}
      >
        {t('presence.goAvailable')}
      </button>
      <ActionError error={error} />
    </section>
  );
}
