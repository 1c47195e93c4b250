import { io, type Socket } from 'socket.io-client';
import type {
  TClientToServerEvents,
  TCounsellorView,
  TServerToClientEvents,
  TStateSnapshot,
} from '../../../../src/contracts/realtime';
import {
  clockSkewMs,
  withCounsellor,
  withOffer,
  withoutOffer,
  withoutSettledOffer,
  withCount,
  withQueue,
  type TRealtimeState,
} from './realtime-store';

export type TRealtimeSocket = Socket<TServerToClientEvents, TClientToServerEvents>;
type TEmitEvent = keyof TClientToServerEvents;
type TPayload<E extends TEmitEvent> = Parameters<TClientToServerEvents[E]>[0];
type TAckData<E extends TEmitEvent> = Parameters<
  Parameters<TClientToServerEvents[E]>[1]
>[0] extends infer R
  ? R extends { data: infer D }
    ? D
    : never
  : never;

export class RealtimeError extends Error {
  override name = 'RealtimeError';
  constructor(readonly code: string) {
    super(code);
  }
}

const ACK_TIMEOUT_MS = 10_000;

let socket: TRealtimeSocket | null = null;
let state: TRealtimeState = { connection: 'connecting', snapshot: null };
let skewMs = 0;
let selfId: string | null = null;
let authLost: (() => void) | null = null;

/** Called when the socket is refused for want of a session; the app asks the user to sign in. */
export function onRealtimeAuthLost(handler: (() => void) | null): void {
  authLost = handler;
}
const listeners = new Set<() => void>();

function set(next: TRealtimeState): void {
  state = next;
  for (const l of listeners) l();
}

function update(fn: (s: TStateSnapshot) => TStateSnapshot): void {
  if (state.snapshot) set({ ...state, snapshot: fn(state.snapshot) });
}

function applySnapshot(snapshot: TStateSnapshot): void {
  skewMs = clockSkewMs(snapshot, Date.now());
  set({ connection: 'online', snapshot });
}

/**
 * One socket per signed-in tab, same origin with the session cookie. Socket.IO delivers at most
 * once, so every (re)connect throws the local view away and rebuilds it from a fresh snapshot.
 */
export function connectRealtime(userId: string): TRealtimeSocket {
  selfId = userId;
  if (socket) return socket;
  const s: TRealtimeSocket = io({ withCredentials: true, transports: ['websocket', 'polling'] });
  socket = s;
  set({ connection: 'connecting', snapshot: state.snapshot });
  s.on('connect', () => {
    s.timeout(ACK_TIMEOUT_MS).emit('state:sync', {}, (err, res) => {
      if (!err && 'data' in res) applySnapshot(res.data);
    });
  });
  s.on('disconnect', (reason) => {
    set({ ...state, connection: 'reconnecting' });
    // Socket.IO does not come back by itself after a server-side disconnect (a restart, a
    // revoked session): try again; a refused handshake then says why.
    if (reason === 'io server disconnect') setTimeout(() => socket === s && s.connect(), 1000);
  });
  s.on('connect_error', (err) => {
    set({ ...state, connection: 'reconnecting' });
    if (err.message === 'UNAUTHENTICATED') authLost?.();
  });
  s.on('state:snapshot', applySnapshot);
  s.on('presence:updated', (c) =>
    update((snap) => withoutSettledOffer(withCounsellor(snap, c, selfId))),
  );
  s.on('call:offered', (offer) => update((snap) => withOffer(snap, offer)));
  s.on('call:withdrawn', ({ offerId }) => update((snap) => withoutOffer(snap, offerId)));
  s.on('queue:updated', (q) => update((snap) => withQueue(snap, q, serverNow())));
  s.on('queue:counts', (c) => update((snap) => withCount(snap, c)));
  return s;
}

export function disconnectRealtime(): void {
  socket?.disconnect();
  socket = null;
  set({ connection: 'connecting', snapshot: null });
}

/** The socket after connectRealtime(), for features that listen to events the store ignores. */
export function realtimeSocket(): TRealtimeSocket | null {
  return socket;
}

export function realtimeState(): TRealtimeState {
  return state;
}

export function subscribeRealtime(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Server time now, for countdowns against server deadlines (offer expiry, wrap-up). */
export function serverNow(): number {
  return Date.now() + skewMs;
}

/** Emits with an ack; resolves with `data` or rejects with a RealtimeError carrying the code. */
export async function emitAck<E extends TEmitEvent>(
  event: E,
  payload: TPayload<E>,
): Promise<TAckData<E>> {
  if (!socket?.connected) throw new RealtimeError('DISCONNECTED');
  const emitter = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
    emitWithAck: (e: string, p: unknown) => Promise<{ data: TAckData<E> } | { error: string }>;
  };
  const res = await emitter.emitWithAck(event, payload).catch(() => {
    throw new RealtimeError('TIMEOUT');
  });
  if ('error' in res) throw new RealtimeError(res.error);
  // The ack carries my new state: show it at once rather than waiting for the broadcast.
  if (event === 'presence:set' || event === 'wrapup:end')
    update((snap) => withCounsellor(snap, res.data as TCounsellorView, selfId));
  // Answered: the offer is settled for this desk whatever broadcast follows (or is lost).
  if (event === 'call:accept' || event === 'call:reject')
    update((snap) => withoutOffer(snap, (payload as { offerId: string }).offerId));
  return res.data;
}
