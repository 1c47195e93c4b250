import { useEffect, useSyncExternalStore } from 'react';
import type { TServerToClientEvents } from '../../../../src/contracts/realtime';
import {
  realtimeSocket,
  realtimeState,
  subscribeRealtime,
  type TServerListener,
} from './socket-client';

/** The live view (last snapshot + events) and the connection state. */
export function useRealtime() {
  return useSyncExternalStore(subscribeRealtime, realtimeState);
}

/**
 * Listens to one server event for as long as the component is mounted. The listener is
 * swapped when it changes (listeners close over the latest state); a new socket after sign-in
 * again is picked up through the connection state.
 */
export function useRealtimeEvent<E extends keyof TServerToClientEvents>(
  event: E,
  listener: TServerListener<E>,
): void {
  const { connection } = useRealtime();
  useEffect(() => {
    const socket = realtimeSocket();
    if (!socket) return;
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [event, listener, connection]);
}
