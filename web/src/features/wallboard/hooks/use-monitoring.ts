import { useState } from 'react';
import { emitAck, RealtimeError } from '../../../shared/realtime/socket-client';

export const monitorModes = ['listen', 'whisper', 'barge'] as const;
export type TMonitorMode = (typeof monitorModes)[number];

export type TMonitoring = {
  /** The call she is on and how she hears it; null when she monitors nothing. */
  current: { callSid: string; mode: TMonitorMode } | null;
  busy: boolean;
  error: string | null;
  monitor: (callSid: string, mode: TMonitorMode) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The supervisor's one monitoring leg, for the whole wallboard: the server keeps one leg per
 * supervisor, so switching mode or call here never rings her twice.
 */
export function useMonitoring(): TMonitoring {
  const [current, setCurrent] = useState<TMonitoring['current']>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof RealtimeError ? err.code : 'INTERNAL');
    } finally {
      setBusy(false);
    }
  };
  return {
    current,
    busy,
    error,
    monitor: (callSid, mode) =>
      run(async () => {
        await emitAck('call:monitor', { callSid, mode });
        setCurrent({ callSid, mode });
      }),
    stop: () =>
      run(async () => {
        await emitAck('call:monitor-stop', {});
        setCurrent(null);
      }),
  };
}
