import { useState } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { emitAck, RealtimeError } from '../../../shared/realtime/socket-client';

const modes = ['listen', 'whisper', 'barge'] as const;
type TMode = (typeof modes)[number];

/** Listen, whisper to the counsellor, or barge in: the supervisor joins the call's conference. */
export function MonitorButtons({ callSid, who }: { callSid: string; who: string }) {
  const { t } = useT('wallboard');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ mode: TMode } | { error: string } | null>(null);
  const monitor = async (mode: TMode) => {
    setBusy(true);
    try {
      await emitAck('call:monitor', { callSid, mode });
      setResult({ mode });
    } catch (err) {
      setResult({ error: err instanceof RealtimeError ? err.code : 'INTERNAL' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="wb-monitor">
      {modes.map((mode) => (
        <button
          key={mode}
          type="button"
          className="button"
          disabled={busy}
          aria-label={`${t(`monitor.${mode}`)} — ${who}`}
          onClick={() => void monitor(mode)}
        >
          {t(`monitor.${mode}`)}
        </button>
      ))}
      {result && 'mode' in result ? (
        <span role="status">{t('monitor.started', { mode: t(`monitor.${result.mode}`) })}</span>
      ) : null}
      {result && 'error' in result ? (
        <span role="alert" className="error-text">
          {t('monitor.failed', { code: result.error })}
        </span>
      ) : null}
    </div>
  );
}
