import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import {
  fetchFreshness,
  requestRefresh,
  type TReportFreshness,
  type TReportKind,
} from '../api/reports.api';

/** How often the screen asks whether newer figures are ready while they are being brought up to date. */
const POLL_MS = 2_000;

/**
 * "Figures as of …" above a report, the notice that they are being brought up to date when
 * records changed after that (never stale figures shown as current), and "refresh now" for
 * whoever must sign exact figures. While either is pending it polls the freshness, and asks the
 * page for the report again (`onNewer`) once the figures moved past the ones on screen.
 */
export function ReportFreshness({
  kind,
  freshness,
  onNewer,
}: {
  kind: TReportKind;
  freshness: TReportFreshness;
  onNewer: () => void;
}) {
  const { t } = useT('reports');
  const [requested, setRequested] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const waiting = freshness.updating || requested;

  useEffect(() => {
    setRequested(false);
  }, [freshness.asOf]);

  useEffect(() => {
    if (!waiting) return;
    let live = true;
    const timer = setInterval(() => {
      fetchFreshness(kind).then(
        (now) => {
          if (live && now.asOf !== freshness.asOf) onNewer();
        },
        () => {}, // the next poll tries again
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [waiting, kind, freshness.asOf, onNewer]);

  const refresh = () => {
    setError(null);
    requestRefresh(kind).then(
      () => setRequested(true),
      (e: unknown) => setError(e),
    );
  };

  return (
    <section className="panel reports__freshness" data-testid="report-freshness">
      <p>
        <strong>{t('freshness.asOf', { time: formatDateTime(freshness.asOf) })}</strong>
      </p>
      {freshness.updating ? (
        <p role="status" className="reports__updating" data-testid="report-updating">
          {t('freshness.updating')}
        </p>
      ) : null}
      <p className="muted">{t('freshness.refreshHint')}</p>
      <button type="button" onClick={refresh} disabled={requested}>
        {requested ? t('freshness.refreshing') : t('freshness.refresh')}
      </button>
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}
