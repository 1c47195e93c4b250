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
  // A push covers its scope's hotlines only (one push per watched hotline): the figures of the
  // other hotlines on the board stay as they were, and a hotline in scope with no row is cleared.
  const keep = (f: Pick<TSupervisorFigures, 'scope' | 'hotlines' | 'chats' | 'callbacks'>) =>
    setByHotline((before) => {
      const merged = <T extends { hotline: string }>(old: Map<string, T>, rows: T[]) => {
        const next = new Map(
          f.scope ? [...old].filter(([hotline]) => !f.scope?.includes(hotline)) : [],
        );
        for (const row of rows) next.set(row.hotline, row);
        return next;
      };
      return {
        calls: merged(before.calls, f.hotlines),
        chats: merged(before.chats, f.chats),
        callbacks: merged(before.callbacks, f.callbacks),
      };
    });
  const { connection, snapshot } = useRealtime();
  const queues = snapshot?.queues;
  // A call-back done or taken by hand changes its count without any queue change: read again.
  const [callbackChanges, setCallbackChanges] = useState(0);
  useRealtimeEvent('callback:updated', () => setCallbackChanges((n) => n + 1));
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
  }, [connection, queues, callbackChanges]);
  useRealtimeEvent('figures:updated', keep);
  return byHotline;
}
