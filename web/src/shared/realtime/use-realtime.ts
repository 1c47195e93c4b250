import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { TServerToClientEvents } from '../../../../src/contracts/realtime';
import { realtimeSocket, realtimeState, subscribeRealtime } from './socket-client';

/** The live view (last snapshot + events) and the connection state. */
export function useRealtime() {
  return useSyncExternalStore(subscribeRealtime, realtimeState);
}

/** Listens to one server event for as long as the component is mounted. */
export function useRealtimeEvent<E extends keyof TServerToClientEvents>(
  event: E,
  handler: TServerToClientEvents[E],
): void {
  const latest = useRef(handler);
  latest.current = handler;
  const { connection } = useRealtime();
  useEffect(() => {
    const socket = realtimeSocket();
    if (!socket) return;
    const relay = ((...args: unknown[]) =>
      (latest.current as (...a: unknown[]) => void)(...args)) as TServerToClientEvents[E];
    // Socket.IO's typed `on` cannot relate a generic event name to its listener type.
    const typed = socket as unknown as {
      on: (e: string, l: unknown) => void;
      off: (e: string, l: unknown) => void;
    };
    typed.on(event, relay);
    return () => typed.off(event, relay);
  }, [event, connection]);
}
