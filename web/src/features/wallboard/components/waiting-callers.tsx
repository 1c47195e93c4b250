import { useState } from 'react';
import type { TCounsellorView, TWaitingCallerView } from '../../../../../src/contracts/realtime';
import { formatDuration, formatTime, formatDayAndTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { emitAck, RealtimeError } from '../../../shared/realtime/socket-client';

/** How far each reason moves a caller forward (their wait counts this much longer). */
const boosts = { child: 10, 'imminent-danger': 30 } as const;
type TReason = keyof typeof boosts;

type TProps = {
  callers: TWaitingCallerView[];
  available: TCounsellorView[];
  name: (userId: string) => string;
  now: number;
  onChanged: () => void;
};

/** Every waiting caller in queue order, with priority change and "assign to" a counsellor. */
export function WaitingCallers({ callers, available, name, now, onChanged }: TProps) {
  const { t } = useT('wallboard');
  return (
    <section aria-labelledby="waiting-callers-title" data-testid="waiting-callers">
      <h2 id="waiting-callers-title">{t('queue.title')}</h2>
      {callers.length === 0 ? (
        <p className="muted">{t('queues.none')}</p>
      ) : (
        <table className="wb-queue">
          <thead>
            <tr>
              <th>{t('queue.place')}</th>
              <th>{t('queue.hotline')}</th>
              <th>{t('queues.language')}</th>
              <th>{t('queue.waited')}</th>
              <th>{t('queue.status')}</th>
              <th>{t('queue.priority')}</th>
              <th>{t('queue.assignTo')}</th>
            </tr>
          </thead>
          <tbody>
            {callers.map((c) => (
              <CallerRow
                key={c.taskId}
                caller={c}
                available={available}
                name={name}
                now={now}
                onChanged={onChanged}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CallerRow({
  caller,
  available,
  name,
  now,
  onChanged,
}: Omit<TProps, 'callers'> & { caller: TWaitingCallerView }) {
  const { t } = useT('wallboard');
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  // Kept as what happened, not as text, so it follows a change of interface language.
  const [result, setResult] = useState<
    { moved: true } | { offeredTo: string } | { error: string } | null
  >(null);
  const target = available.some((a) => a.userId === chosen) ? chosen : '';
  const label = t('queue.caller', { id: caller.taskId.slice(-6) });

  const run = async (work: () => Promise<NonNullable<typeof result>>) => {
    setBusy(true);
    try {
      setResult(await work());
      onChanged();
    } catch (err) {
      setResult({ error: err instanceof RealtimeError ? err.code : 'INTERNAL' });
    } finally {
      setBusy(false);
    }
  };
  const prioritise = (reason: TReason) =>
    run(async () => {
      await emitAck('queue:prioritise', {
        taskId: caller.taskId,
        reason,
        boostMinutes: boosts[reason],
      });
      return { moved: true as const };
    });
  const assign = () =>
    run(async () => {
      await emitAck('queue:assign', { taskId: caller.taskId, userId: target });
      return { offeredTo: target };
    });

  return (
    <tr data-testid={`waiting-${caller.taskId}`} aria-label={label}>
      <td className="wb-place">{caller.position}</td>
      <td>{caller.hotline}</td>
      <td>{t(`languageNames.${caller.language}`, { defaultValue: caller.language })}</td>
      <td className="wb-time" data-testid="waited">
        {formatDuration(Math.max(0, now - caller.enqueuedAt) / 1000)}
      </td>
      <td data-testid="caller-state">
        {caller.channel === 'chat' ? (
          <span className="tag" data-testid="chat-tag">
            {t('queue.chat')}
          </span>
        ) : null}
        {caller.kind === 'callback' ? (
          <span className="tag" data-testid="callback-tag">
            {t('queue.callback')}
          </span>
        ) : null}
        {caller.state === 'offered' && caller.offeredTo
          ? t('queue.ringing', { name: name(caller.offeredTo) })
          : caller.state === 'held'
            ? heldText(caller, t)
            : t('queue.waiting')}
        {caller.priorityBoostMs > 0 ? (
          <span className="tag">
            {t('queue.boosted', { minutes: Math.round(caller.priorityBoostMs / 60_000) })}
          </span>
        ) : null}
      </td>
      <td>
        <div className="wb-actions">
          {(Object.keys(boosts) as TReason[]).map((reason) => (
            <button
              key={reason}
              type="button"
              className="button"
              disabled={busy}
              aria-label={`${t(`queue.reasons.${reason}`)} — ${label}`}
              onClick={() => void prioritise(reason)}
            >
              {t(`queue.reasons.${reason}`)}
            </button>
          ))}
        </div>
      </td>
      <td>
        <div className="wb-actions">
          <select
            aria-label={`${t('queue.assignTo')} — ${label}`}
            value={target}
            disabled={busy || caller.state !== 'waiting'}
            onChange={(e) => setChosen(e.target.value)}
          >
            <option value="">
              {available.length ? t('queue.choose') : t('queue.nobodyAvailable')}
            </option>
            {available.map((a) => (
              <option key={a.userId} value={a.userId}>
                {name(a.userId)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || !target || caller.state !== 'waiting'}
            onClick={() => void assign()}
          >
            {t('queue.assign')}
          </button>
        </div>
        {result && 'moved' in result ? <span role="status">{t('queue.movedForward')}</span> : null}
        {result && 'offeredTo' in result ? (
          <span role="status">{t('queue.offeredTo', { name: name(result.offeredTo) })}</span>
        ) : null}
        {result && 'error' in result ? (
          <span role="alert" className="error-text">
            {t(`queue.errors.${result.error}`, { defaultValue: t('queue.errors.INTERNAL') })}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * Why a call-back is not offered now: the caller's safe time has not begun (when it begins, and
 * on which day: an ended one comes back the next day), or it is over.
 */
function heldText(caller: TWaitingCallerView, t: ReturnType<typeof useT>['t']): string {
  if (caller.heldWhy === 'ended')
    return t('queue.heldEnded', { time: caller.safeUntil ? formatTime(caller.safeUntil) : '' });
  if (!caller.safeFrom) return t('queue.heldNotYet', { time: '' });
  return t('queue.heldNotYet', {
    time: formatDayAndTime(caller.safeFrom, {
      today: t('queue.today'),
      tomorrow: t('queue.tomorrow'),
    }),
  });
}
