import { useEffect, useState } from 'react';
import type { THotlineFigures } from '../../../../../src/contracts/realtime';
import { useRealtime, useRealtimeEvent } from '../../../shared/realtime/use-realtime';
import { fetchFigures } from '../api/figures.api';

/**
 * Today's answered / abandoned / service level / speed of answer per hotline. Read once on every
 * (re)connect, because a push missed while offline is never sent again, then kept by the pushes.
 */
export function useHotlineFigures(): Map<string, THotlineFigures> {
  const [byHotline, setByHotline] = useState(new Map<string, THotlineFigures>());
  const keep = (hotlines: THotlineFigures[]) =>
    setByHotline(new Map(hotlines.map((h) => [h.hotline, h])));
  const { connection } = useRealtime();
  useEffect(() => {
    if (connection !== 'online') return;
    let current = true;
    fetchFigures().then(
      (f) => current && keep(f.hotlines),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [connection]);
  useRealtimeEvent('figures:updated', (f) => keep(f.hotlines));
  return byHotline;
}
