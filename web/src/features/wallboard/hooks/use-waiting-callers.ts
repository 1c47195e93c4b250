import { useCallback, useEffect, useRef, useState } from 'react';
import type { TWaitingCallerView } from '../../../../../src/contracts/realtime';
import { useRealtime, useRealtimeEvent } from '../../../shared/realtime/use-realtime';
import { fetchWaitingCallers } from '../api/queue.api';

const COALESCE_MS = 150;

/**
 * The waiting callers, re-read whenever the live view says a queue or a counsellor changed
 * (several events in a burst cost one request) and after every (re)connect snapshot.
 */
export function useWaitingCallers(): {
  callers: TWaitingCallerView[];
  error: unknown;
  refresh: () => void;
} {
  const { snapshot } = useRealtime();
  const [callers, setCallers] = useState<TWaitingCallerView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useCallback(() => {
    fetchWaitingCallers().then(
      (c) => {
        setCallers(c);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, []);
  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      load();
    }, COALESCE_MS);
  }, [load]);
  useEffect(() => {
    load();
  }, [load, snapshot?.serverTime]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useRealtimeEvent('queue:updated', refresh);
  useRealtimeEvent('presence:updated', refresh);
  return { callers, error, refresh };
}
