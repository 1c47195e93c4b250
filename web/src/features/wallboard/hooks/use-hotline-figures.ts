import { useEffect, useState } from 'react';
import type { THotlineFigures } from '../../../../../src/contracts/realtime';
import { useRealtime, useRealtimeEvent } from '../../../shared/realtime/use-realtime';
import { fetchFigures } from '../api/figures.api';

// Queue changes arrive in bursts (a caller enqueued, offered, leaving): read the figures once after.
const SETTLE_MS = 500;

/**
 * Today's answered / abandoned / service level / speed of answer per hotline. Read on every
 * (re)connect (a push missed while offline is never sent again) and after each change of the live
 * queues (a caller answered or gone changes the figures), and kept by the periodic server push.
 */
export function useHotlineFigures(): Map<string, THotlineFigures> {
  const [byHotline, setByHotline] = useState(new Map<string, THotlineFigures>());
  const keep = (hotlines: THotlineFigures[]) =>
    setByHotline(new Map(hotlines.map((h) => [h.hotline, h])));
  const { connection, snapshot } = useRealtime();
  const queues = snapshot?.queues;
  useEffect(() => {
    if (connection !== 'online') return;
    let current = true;
    const timer = setTimeout(() => {
      fetchFigures().then(
        (f) => current && keep(f.hotlines),
        () => {},
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [connection, queues]);
  useRealtimeEvent('figures:updated', (f) => keep(f.hotlines));
  return byHotline;
}
