import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../shared/i18n/i18n';
import { useRealtime } from '../../shared/realtime/use-realtime';
import { ErrorText } from '../../shared/ui/error-text';
import { fetchDirectory, type TStaffEntry } from './api/directory.api';
import { CounsellorBoard } from './components/counsellor-board';
import { QueueTiles } from './components/queue-tiles';
import { WaitingCallers } from './components/waiting-callers';
import { useServerClock } from './hooks/use-clock';
import { useFirstSeen } from './hooks/use-first-seen';
import { useHotlineFigures } from './hooks/use-hotline-figures';
import { useLiveCounsellors } from './hooks/use-live-counsellors';
import { useStateSince } from './hooks/use-state-since';
import { useWaitingCallers } from './hooks/use-waiting-callers';
import { useMonitoring } from './hooks/use-monitoring';
import { useSoftphone } from '../desk/hooks/use-softphone';
import './wallboard.css';
import './wallboard.strings';

/**
 * The supervisor's live view, built from the realtime snapshot and the events after it (so a
 * dropped connection resyncs by itself); names come from the staff directory.
 */
export default function WallboardPage() {
  const { t } = useT('wallboard');
  const { snapshot } = useRealtime();
  const now = useServerClock();
  const receivedAt = useFirstSeen<{ hotline: string }>();
  const [staff, setStaff] = useState<TStaffEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    fetchDirectory().then(setStaff, setError);
  }, []);
  const names = useMemo(() => new Map(staff.map((s) => [s.userId, s])), [staff]);
  const counsellors = useLiveCounsellors(snapshot);
  const since = useStateSince(counsellors, snapshot?.serverTime ?? 0);
  const waiting = useWaitingCallers();
  const figures = useHotlineFigures();
  // Her ear: listen, whisper and barge ring this browser (or her mobile, when she answers there).
  const softphone = useSoftphone();
  const monitoring = useMonitoring();
  const available = counsellors.filter((c) => c.state === 'available');
  const nameOf = (userId: string) =>
    names.get(userId)?.displayName ?? t('counsellors.unknown', { id: userId.slice(0, 8) });
  const rejects = counsellors.reduce((n, c) => n + c.rejects, 0);
  const timeouts = counsellors.reduce((n, c) => n + c.timeouts, 0);

  return (
    <div className="wallboard">
      <header className="wallboard__header">
        <h1>{t('title')}</h1>
        <span className="wb-missed" data-testid="offers-missed">
          {t('counsellors.offersMissed')}: {t('counsellors.rejects')} {rejects} ·{' '}
          {t('counsellors.timeouts')} {timeouts}
        </span>
        <span className="wb-phone" data-testid="supervisor-phone">
          {t('monitor.phone.label')}: {t(`monitor.phone.${softphone.status ?? 'mobile'}`)}
        </span>
        <button
          type="button"
          className="button"
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}
        >
          {t('wallMode')}
        </button>
      </header>
      <ErrorText error={error ?? waiting.error} />
      {snapshot ? (
        <>
          <QueueTiles
            queues={snapshot.queues}
            now={now}
            receivedAt={receivedAt}
            figures={figures.calls}
            chats={figures.chats}
            callbacks={figures.callbacks}
          />
          <WaitingCallers
            callers={waiting.callers}
            available={available}
            name={nameOf}
            now={now}
            onChanged={waiting.refresh}
          />
          <CounsellorBoard
            counsellors={counsellors}
            names={names}
            since={since}
            now={now}
            monitoring={monitoring}
          />
        </>
      ) : (
        <p className="loading">{t('common:status.loading')}</p>
      )}
    </div>
  );
}
