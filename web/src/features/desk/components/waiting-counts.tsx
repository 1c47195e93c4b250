import { formatDuration } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { useRealtime } from '../../../shared/realtime/use-realtime';
import { useServerNow } from '../hooks/use-ticker';

/**
 * How many callers wait on each hotline and language this desk serves, and for how long the
 * longest of them has waited. The server sends a count only when it changed, at most once a
 * second; the seconds are counted here.
 */
export function WaitingCounts() {
  const { t } = useT('desk');
  const { snapshot } = useRealtime();
  const counts = snapshot?.counts ?? [];
  const now = useServerNow(counts.some((c) => c.oldestAt !== null));
  if (!counts.length) return null;
  return (
    <section className="waiting-counts" aria-label={t('waiting.title')}>
      <h2 className="visually-hidden">{t('waiting.title')}</h2>
      <ul>
        {counts.map((c) => (
          <li
            key={`${c.hotline}:${c.language}`}
            data-testid="waiting-count"
            data-hotline={c.hotline}
            data-language={c.language}
            className={c.waiting ? 'waiting-counts__busy' : undefined}
          >
            <span className="waiting-counts__queue">
              {c.hotline} · {t(`languages.${c.language}`, { defaultValue: c.language })}
            </span>{' '}
            <span data-testid="waiting-count-value">
              {c.waiting ? t('waiting.count', { count: c.waiting }) : t('waiting.none')}
            </span>
            {c.oldestAt !== null ? (
              <span role="timer" className="waiting-counts__longest">
                {' · '}
                {t('waiting.longest', { time: formatDuration((now - c.oldestAt) / 1000) })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
