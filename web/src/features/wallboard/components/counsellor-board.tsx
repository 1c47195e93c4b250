import type { TCounsellorState, TCounsellorView } from '../../../../../src/contracts/realtime';
import { formatDuration } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import type { TStaffEntry } from '../api/directory.api';
import type { TStateSince } from '../hooks/use-state-since';
import type { TMonitoring } from '../hooks/use-monitoring';
import { MonitorButtons } from './monitor-buttons';

const columns: TCounsellorState[] = [
  'available',
  'offered',
  'on_call',
  'wrap_up',
  'away',
  'offline',
];

type TProps = {
  counsellors: TCounsellorView[];
  names: Map<string, TStaffEntry>;
  since: Map<string, TStateSince>;
  now: number;
  monitoring: TMonitoring;
};

/** Counsellors grouped by state, each with time in state and their rejected / timed-out offers. */
export function CounsellorBoard({ counsellors, names, since, now, monitoring }: TProps) {
  const { t } = useT('wallboard');
  const name = (c: TCounsellorView) =>
    names.get(c.userId)?.displayName ?? t('counsellors.unknown', { id: c.userId.slice(0, 8) });
  const timeIn = (c: TCounsellorView) => {
    if (c.state === 'wrap_up' && c.wrapUpUntil)
      return t('counsellors.wrapUpLeft', { time: formatDuration((c.wrapUpUntil - now) / 1000) });
    const s = since.get(c.userId);
    if (!s) return '';
    const time = formatDuration((now - s.since) / 1000);
    return s.exact ? time : t('counsellors.atLeast', { time });
  };

  return (
    <section aria-labelledby="counsellors-title">
      <h2 id="counsellors-title">{t('counsellors.title')}</h2>
      <div className="wb-columns">
        {columns.map((state) => {
          const inState = counsellors
            .filter((c) => c.state === state)
            .sort((a, b) => name(a).localeCompare(name(b)));
          return (
            <section
              key={state}
              className={`wb-column wb-column--${state}`}
              data-testid={`state-${state}`}
            >
              <h3>
                {t(`states.${state}`)} <span className="wb-count">{inState.length}</span>
              </h3>
              {inState.length === 0 ? <p className="muted">{t('counsellors.nobody')}</p> : null}
              <ul>
                {inState.map((c) => (
                  <li key={c.userId} className="wb-card" data-testid="counsellor">
                    <strong>{name(c)}</strong>
                    <span className="wb-time">{timeIn(c)}</span>
                    {c.reason ? (
                      <span className="tag" data-testid="away-reason">
                        {t(`awayReasons.${c.reason}`, { defaultValue: c.reason })}
                      </span>
                    ) : null}
                    {c.rejects || c.timeouts ? (
                      <span className="wb-missed" title={t('counsellors.offersMissed')}>
                        {t('counsellors.rejects')} {c.rejects} · {t('counsellors.timeouts')}{' '}
                        {c.timeouts}
                      </span>
                    ) : null}
                    {c.state === 'on_call' && c.taskId ? (
                      <MonitorButtons callSid={c.taskId} who={name(c)} monitoring={monitoring} />
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
