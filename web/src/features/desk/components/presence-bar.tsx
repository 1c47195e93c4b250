import { useState } from 'react';
import { formatDuration } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { endWrapUp, setPresence } from '../../../shared/realtime/socket-client';
import { useRealtime } from '../../../shared/realtime/use-realtime';
import { unlockAudio } from '../hooks/ring-tone';
import { useServerNow } from '../hooks/use-ticker';
import { ActionError } from './action-error';

const awayReasons = ['break', 'meal', 'training', 'admin'] as const;

/** My state, the buttons to change it, and the wrap-up countdown after a call. */
export function PresenceBar() {
  const { t } = useT('desk');
  const { snapshot, connection } = useRealtime();
  const me = snapshot?.me ?? null;
  const [reason, setReason] = useState<string>('break');
  const [error, setError] = useState<unknown>(null);
  const now = useServerNow(me?.state === 'wrap_up');
  const busy = me?.state === 'offered' || me?.state === 'on_call';

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    }
  };
  const set = (state: 'available' | 'away' | 'offline') =>
    act(() => {
      if (state === 'available') unlockAudio();
      return setPresence(state === 'away' ? { state, reason } : { state });
    });

  const state = me?.state ?? 'offline';
  return (
    <section className="presence-bar" aria-label={t('presence.label')}>
      <span className={`presence-pill presence-pill--${state}`} data-testid="presence-state">
        {t(`presence.${state}`)}
        {state === 'away' && me?.reason
          ? ` · ${t(`presence.reasons.${me.reason}`, { defaultValue: me.reason })}`
          : ''}
      </span>
      {state === 'wrap_up' && me?.wrapUpUntil ? (
        <>
          <span role="timer" className="presence-bar__timer">
            {t('presence.wrapUpLeft', { time: formatDuration((me.wrapUpUntil - now) / 1000) })}
          </span>
          <button type="button" className="button" onClick={() => act(endWrapUp)}>
            {t('presence.endWrapUp')}
          </button>
        </>
      ) : null}
      <span className="presence-bar__spacer" />
      <button
        type="button"
        className="button button--accept"
        aria-pressed={state === 'available'}
        disabled={busy || connection !== 'online'}
        onClick={() => set('available')}
      >
        {t('presence.goAvailable')}
      </button>
      <label className="presence-bar__reason">
        <span className="visually-hidden">{t('presence.awayReason')}</span>
        <select value={reason} onChange={(e) => setReason(e.target.value)} disabled={busy}>
          {awayReasons.map((r) => (
            <option key={r} value={r}>
              {t(`presence.reasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        aria-pressed={state === 'away'}
        disabled={busy || connection !== 'online'}
        onClick={() => set('away')}
      >
        {t('presence.goAway')}
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={state === 'offline'}
        disabled={busy || connection !== 'online'}
        onClick={() => set('offline')}
      >
        {t('presence.goOffline')}
      </button>
      <ActionError error={error} />
    </section>
  );
}
