import { useEffect, useState } from 'react';
import type {
  TCallbackFigures,
  TChatFigures,
  THotlineFigures,
  TSupervisorFigures,
} from '../../../../../src/contracts/realtime';
import { useRealtime, useRealtimeEvent } from '../../../shared/realtime/use-realtime';
import { fetchFigures } from '../api/figures.api';

// Queue changes arrive in bursts (a caller enqueued, offered, leaving): read the figures once after.
const SETTLE_MS = 500;

/**
 * Today's answered / abandoned / service level / speed of answer per hotline, and its chats
 * (waiting, longest wait, first response, active), and its call-backs (waiting, time to call
 * back). Read on every
 * (re)connect (a push missed while offline is never sent again) and after each change of the live
 * queues (a caller answered or gone changes the figures), and kept by the periodic server push.
 */
export function useHotlineFigures(): {
  calls: Map<string, THotlineFigures>;
  chats: Map<string, TChatFigures>;
  callbacks: Map<string, TCallbackFigures>;
} {
  const [byHotline, setByHotline] = useState({
    calls: new Map<string, THotlineFigures>(),
    chats: new Map<string, TChatFigures>(),
    callbacks: new Map<string, TCallbackFigures>(),
  });
  const keep = (f: Pick<TSupervisorFigures, 'hotlines' | 'chats' | 'callbacks'>) =>
    setByHotline({
      calls: new Map(f.hotlines.map((h) => [h.hotline, h])),
      chats: new Map(f.chats.map((c) => [c.hotline, c])),
      callbacks: new Map(f.callbacks.map((c) => [c.hotline, c])),
    });
  const { connection, snapshot } = useRealtime();
  const queues = snapshot?.queues;
  useEffect(() => {
    if (connection !== 'online') return;
    let current = true;
    const timer = setTimeout(() => {
      fetchFigures().then(
        (f) => current && keep(f),
        () => {},
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [connection, queues]);
  useRealtimeEvent('figures:updated', keep);
  return byHotline;
}
