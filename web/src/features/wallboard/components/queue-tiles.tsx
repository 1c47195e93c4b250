import type {
  TCallbackFigures,
  TChatFigures,
  THotlineFigures,
  TQueueLine,
  TQueueView,
} from '../../../../../src/contracts/realtime';
import { formatDuration } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';

type TProps = {
  queues: TQueueView[];
  now: number;
  receivedAt: (q: TQueueView) => number;
  figures: Map<string, THotlineFigures>;
  chats: Map<string, TChatFigures>;
  callbacks: Map<string, TCallbackFigures>;
};

/**
 * One tile per hotline: callers waiting and the longest wait, then the same per language; its
 * waiting chats apart, in the chats row (a chat waiting is never counted as a caller).
 */
export function QueueTiles({ queues, now, receivedAt, figures, chats, callbacks }: TProps) {
  const { t } = useT('wallboard');
  const wait = (q: { waiting: number; longestWaitMs: number }, at: number) =>
    q.waiting ? formatDuration((q.longestWaitMs + now - at) / 1000) : '—';
  return (
    <section aria-labelledby="queues-title">
      <h2 id="queues-title">{t('queues.title')}</h2>
      <div className="wb-tiles">
        {queues.map((q) => {
          const at = receivedAt(q);
          return (
            <article
              key={q.hotline}
              className={`wb-tile ${q.waiting ? 'wb-tile--busy' : ''}`}
              data-testid={`queue-${q.hotline}`}
              aria-label={t('queues.hotline', { hotline: q.hotline })}
            >
              <h3>{t('queues.hotline', { hotline: q.hotline })}</h3>
              <dl className="wb-figures">
                <div>
                  <dt>{t('queues.waiting')}</dt>
                  <dd className="wb-big" data-testid="waiting">
                    {q.waiting}
                  </dd>
                </div>
                <div>
                  <dt>{t('queues.longestWait')}</dt>
                  <dd className="wb-big" data-testid="longest-wait">
                    {wait(q, at)}
                  </dd>
                </div>
              </dl>
              <TodayFigures figures={figures.get(q.hotline)} />
              <ChatFigures line={q.chats} waited={wait(q.chats, at)} chats={chats.get(q.hotline)} />
              <CallbackFigures callbacks={callbacks.get(q.hotline)} />
              {q.byLanguage.some((l) => l.waiting) ? (
                <table className="wb-languages">
                  <thead>
                    <tr>
                      <th>{t('queues.language')}</th>
                      <th>{t('queues.waiting')}</th>
                      <th>{t('queues.longestWait')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.byLanguage
                      .filter((l) => l.waiting)
                      .map((l) => (
                        <tr key={l.language} data-testid={`language-${l.language}`}>
                          <td>{t(`languageNames.${l.language}`, { defaultValue: l.language })}</td>
                          <td>{l.waiting}</td>
                          <td>{wait(l, at)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              ) : (
                <p className="muted">{t('queues.none')}</p>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

/** Since midnight: answered, abandoned (short abandons apart), service level and speed of answer. */
function TodayFigures({ figures }: { figures: THotlineFigures | undefined }) {
  const { t } = useT('wallboard');
  const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
  const seconds = (v: number | null) => (v === null ? '—' : formatDuration(v));
  return (
    <dl className="wb-today" data-testid="today" aria-label={t('today.title')}>
      <div>
        <dt>{t('today.answered')}</dt>
        <dd data-testid="today-answered">{figures?.answered ?? '—'}</dd>
      </div>
      <div>
        <dt>{t('today.abandoned')}</dt>
        <dd data-testid="today-abandoned">
          {figures ? figures.abandoned - figures.shortAbandoned : '—'}
        </dd>
      </div>
      <div>
        <dt>{t('today.leftInMenu')}</dt>
        <dd data-testid="today-left-in-menu">{figures?.leftInMenu ?? '—'}</dd>
      </div>
      <div>
        <dt>{t('today.serviceLevel')}</dt>
        <dd data-testid="today-service-level">{percent(figures?.serviceLevel ?? null)}</dd>
      </div>
      <div>
        <dt>{t('today.speedOfAnswer')}</dt>
        <dd data-testid="today-speed-of-answer">
          {seconds(figures?.averageSpeedOfAnswerS ?? null)}
        </dd>
      </div>
    </dl>
  );
}

/**
 * Chats beside calls: waiting now and the longest wait (the live queue, pushed like the calls'),
 * today's average first response, and chats counsellors hold now.
 */
function ChatFigures({
  line,
  waited,
  chats,
}: {
  line: TQueueLine;
  waited: string;
  chats: TChatFigures | undefined;
}) {
  const { t } = useT('wallboard');
  const first = chats?.averageFirstResponseS ?? null;
  return (
    <dl
      className={`wb-today wb-chats ${line.waiting ? 'wb-chats--waiting' : ''}`}
      data-testid="chats"
      aria-label={t('chats.title')}
    >
      <div>
        <dt>{t('chats.waiting')}</dt>
        <dd data-testid="chats-waiting">{line.waiting}</dd>
      </div>
      <div>
        <dt>{t('chats.longestWait')}</dt>
        <dd data-testid="chats-longest-wait">{waited}</dd>
      </div>
      <div>
        <dt>{t('chats.firstResponse')}</dt>
        <dd data-testid="chats-first-response">{first === null ? '—' : formatDuration(first)}</dd>
      </div>
      <div>
        <dt>{t('chats.active')}</dt>
        <dd data-testid="chats-active">{chats?.active ?? 0}</dd>
      </div>
    </dl>
  );
}

/** Call-backs asked for and not placed yet (held ones too), and today's time to call back. */
function CallbackFigures({ callbacks }: { callbacks: TCallbackFigures | undefined }) {
  const { t } = useT('wallboard');
  const average = callbacks?.averageTimeToCallbackS ?? null;
  return (
    <dl
      className={`wb-today wb-callbacks ${callbacks?.waiting ? 'wb-chats--waiting' : ''}`}
      data-testid="callbacks"
      aria-label={t('callbacks.title')}
    >
      <div>
        <dt>{t('callbacks.waiting')}</dt>
        <dd data-testid="callbacks-waiting">{callbacks?.waiting ?? 0}</dd>
      </div>
      <div>
        <dt>{t('callbacks.timeToCallback')}</dt>
        <dd data-testid="callbacks-time-to-callback">
          {average === null ? '—' : formatDuration(average)}
        </dd>
      </div>
    </dl>
  );
}
