import { useCallback, useEffect, useState } from 'react';
import { formatDateTime, formatDayAndTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { useRealtimeEvent } from '../../../shared/realtime/use-realtime';
import { useUser } from '../../../shared/session/session-context';
import {
  callbackFromMissed,
  completeCallback,
  listCallbacks,
  listMissedCalls,
  placeCallback,
  revealCodeWord,
  takeCallback,
  type TCallbackTask,
  type TMissedCall,
} from '../api/callbacks.api';
import { ActionError } from './action-error';
import '../callbacks.strings';

/** An hour the caller keyed (0-23), on the hotline's clock. */
const hourText = (hour: number | undefined) => `${String(hour ?? 0).padStart(2, '0')}:00`;

/**
 * The safe time the caller keyed, formatted in the reader's language from what was stored (the
 * choice and the hour), and when the call-back may next be made while it is held.
 */
function SafeTime({ task }: { task: TCallbackTask }) {
  const { t } = useT('callbacks');
  const w = task.safeWindow;
  if (!w) return null;
  return (
    <span data-testid="callback-safe-time">
      {t('safeTime.label')}:{' '}
      <strong>
        {w.kind === 'any' ? t('safeTime.any') : t(`safeTime.${w.kind}`, { time: hourText(w.hour) })}
      </strong>
      {task.heldWhy === 'not-yet' && task.safeFrom ? (
        <span className="tag tag--danger" data-testid="next-safe-time">
          {t('safeTime.next', {
            when: formatDayAndTime(task.safeFrom, {
              today: t('safeTime.today'),
              tomorrow: t('safeTime.tomorrow'),
            }),
          })}
        </span>
      ) : null}
    </span>
  );
}

/** Safety first: what the caller asked for, in view before anyone decides to call. */
function Safety({ task }: { task: TCallbackTask }) {
  const { t } = useT('callbacks');
  const [codeWord, setCodeWord] = useState<string | null | undefined>(undefined);
  const s = task.safety;
  return (
    <div className="callback__safety" data-testid="callback-safety">
      <SafeTime task={task} />
      {s ? (
        <>
          {s.safeCallbackWindow ? (
            // What a counsellor wrote, in her own words: shown as her note, never as the system's.
            <span data-testid="earlier-note">
              {t('safeTime.earlierNote')}: <q>{s.safeCallbackWindow}</q>
            </span>
          ) : null}
          {s.noSms ? <span className="tag tag--danger">{t('noSms')}</span> : null}
          {s.noVoicemail ? <span className="tag tag--danger">{t('noVoicemail')}</span> : null}
          {s.safeToTalk === 'no' ? (
            <span className="tag tag--danger">{t('notSafeToTalk')}</span>
          ) : null}
        </>
      ) : (
        <span className="muted">{t('noSafety')}</span>
      )}
      {task.hasCodeWord ? (
        codeWord === undefined ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => void revealCodeWord(task.id).then(setCodeWord, () => undefined)}
          >
            {t('showCodeWord')}
          </button>
        ) : (
          <strong data-testid="code-word">
            {codeWord ? t('codeWord', { word: codeWord }) : t('noCodeWord')}
          </strong>
        )
      ) : null}
    </div>
  );
}

/** Call-back requests and missed calls of my hotlines; a counsellor takes one and calls. */
export function CallbacksScreen() {
  const { t } = useT('callbacks');
  const user = useUser();
  const [tasks, setTasks] = useState<TCallbackTask[]>([]);
  const [missed, setMissed] = useState<TMissedCall[]>([]);
  const [error, setError] = useState<unknown>(null);
  /** The task whose "Call now" is ringing my own phone: the caller is dialled once I answer. */
  const [ringing, setRinging] = useState<string | null>(null);

  const reload = useCallback(() => {
    void Promise.all([listCallbacks(), listMissedCalls()])
      .then(([t1, m]) => {
        setTasks(t1);
        setMissed(m);
      })
      .catch(setError);
  }, []);
  useEffect(reload, [reload]);
  useRealtimeEvent('callback:updated', () => {
    // Answered (the task is "Calling") or missed (still mine to try): either way, not ringing.
    setRinging(null);
    reload();
  });

  const act = (work: () => Promise<unknown>) => {
    setError(null);
    void work().then(reload, setError);
  };

  return (
    <div className="callbacks">
      <h2>{t('title')}</h2>
      <p className="muted">{t('never')}</p>
      <ActionError error={error} />
      {tasks.length === 0 ? <p className="muted">{t('none')}</p> : null}
      <ul className="callbacks__list">
        {tasks.map((task) => (
          <li key={task.id} className="callback" data-testid="callback-task">
            <div className="callback__facts">
              <strong>{task.hotline}</strong>
              <span>{t(`desk:languages.${task.language}`, { defaultValue: task.language })}</span>
              <span>{t(`origin.${task.origin}`)}</span>
              <span>
                {t('since')} {formatDateTime(task.createdAt)}
              </span>
              <span className="tag">{t(`status.${task.status}`)}</span>
            </div>
            <Safety task={task} />
            <div className="callback__actions">
              {task.status === 'open' ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => act(() => takeCallback(task.id))}
                >
                  {t('take')}
                </button>
              ) : null}
              {task.status === 'taken' && task.takenBy === user.userId ? (
                ringing === task.id ? (
                  <span role="status">{t('ringingYou')}</span>
                ) : (
                  <button
                    type="button"
                    className="button button--accept"
                    onClick={() =>
                      act(() => placeCallback(task.id).then(() => setRinging(task.id)))
                    }
                  >
                    {t('call')}
                  </button>
                )
              ) : null}
              {task.takenBy === user.userId && task.status !== 'open'
                ? (['reached', 'not-reached', 'unsafe'] as const).map((o) => (
                    <button
                      key={o}
                      type="button"
                      className="button button--quiet"
                      onClick={() => act(() => completeCallback(task.id, o))}
                    >
                      {t(o === 'not-reached' ? 'notReached' : o)}
                    </button>
                  ))
                : null}
            </div>
          </li>
        ))}
      </ul>

      <h2>{t('missedTitle')}</h2>
      {missed.length === 0 ? <p className="muted">{t('none')}</p> : null}
      <ul className="callbacks__list">
        {missed.map((call) => (
          <li key={call.callSid} className="callback" data-testid="missed-call">
            <div className="callback__facts">
              <strong>{call.hotline}</strong>
              {call.language ? (
                <span>{t(`desk:languages.${call.language}`, { defaultValue: call.language })}</span>
              ) : null}
              {call.leftIn === 'menu' ? (
                <span data-testid="missed-in-menu">{t('leftInMenu')}</span>
              ) : null}
              {call.leftQueueAt ? (
                <span>
                  {t('leftAt')} {formatDateTime(call.leftQueueAt)}
                </span>
              ) : null}
            </div>
            <div className="callback__actions">
              <button
                type="button"
                className="button"
                onClick={() => act(() => callbackFromMissed(call.callSid))}
              >
                {t('addCallback')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
