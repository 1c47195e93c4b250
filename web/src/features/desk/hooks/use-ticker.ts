import { useEffect, useState } from 'react';
import { serverNow } from '../../../shared/realtime/socket-client';

/** Server time, re-rendering every second while mounted (timers, countdowns, waits). */
export function useServerNow(active = true): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(serverNow()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}
