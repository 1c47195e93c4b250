import { useT } from '../../../shared/i18n/i18n';
import { monitorModes, type TMonitoring } from '../hooks/use-monitoring';

/**
 * Listen, whisper to the counsellor, or barge in on one counsellor's call. The mode she is in is
 * pressed; another mode changes the leg she already has; "leave" hangs it up.
 */
export function MonitorButtons({
  callSid,
  who,
  monitoring,
}: {
  callSid: string;
  who: string;
  monitoring: TMonitoring;
}) {
  const { t } = useT('wallboard');
  const here = monitoring.current?.callSid === callSid ? monitoring.current : null;
  return (
    <div className="wb-monitor" data-testid="monitor">
      {monitorModes.map((mode) => (
        <button
          key={mode}
          type="button"
          className={here?.mode === mode ? 'button button--primary' : 'button'}
          disabled={monitoring.busy}
          aria-pressed={here?.mode === mode}
          aria-label={`${t(`monitor.${mode}`)} — ${who}`}
          onClick={() => void monitoring.monitor(callSid, mode)}
        >
          {t(`monitor.${mode}`)}
        </button>
      ))}
      {here ? (
        <>
          <button
            type="button"
            className="button button--quiet"
            disabled={monitoring.busy}
            onClick={() => void monitoring.stop()}
          >
            {t('monitor.stop')}
          </button>
          <span role="status" data-testid="monitor-mode">
            {t('monitor.started', { mode: t(`monitor.${here.mode}`) })}
          </span>
        </>
      ) : null}
      {monitoring.error && (here || monitoring.current === null) ? (
        <span role="alert" className="error-text">
          {t(`monitor.errors.${monitoring.error}`, {
            defaultValue: t('monitor.errors.INTERNAL'),
          })}
        </span>
      ) : null}
    </div>
  );
}
