import { useEffect, useState } from 'react';
import { serverNow } from '../../../shared/realtime/socket-client';

/** Server time, re-read every `intervalMs` so waits and times in state count up on the wall. */
export function useServerClock(intervalMs = 1000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const id = setInterval(() => setNow(serverNow()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
