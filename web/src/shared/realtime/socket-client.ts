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

/** The one realtime contract (src/contracts/realtime.ts) on the browser's side. */
export type TRealtimeSocket = Socket<TServerToClientEvents, TClientToServerEvents>;
type TEmitEvent = keyof TClientToServerEvents;

// Socket.IO's own signatures, instantiated for one event: a generic event name then stays
// related to its payload, listener and ack (no casts). `declare` only: nothing at runtime.
declare const _socketShape: TRealtimeSocket;
declare const _timedShape: ReturnType<TRealtimeSocket['timeout']>;
/** The listener Socket.IO expects for server event E. */
export type TServerListener<E extends keyof TServerToClientEvents> = Parameters<
  typeof _socketShape.on<E>
>[1];
/** An event name and its payload, as `emitWithAck` takes them. */
type TEmitArgs<E extends TEmitEvent> = Parameters<typeof _timedShape.emitWithAck<E>>;
type TAnswer<E extends TEmitEvent> = Awaited<ReturnType<typeof _timedShape.emitWithAck<E>>>;

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
export async function emitAck<E extends TEmitEvent>(...args: TEmitArgs<E>) {
  if (!socket?.connected) throw new RealtimeError('DISCONNECTED');
  const res: TAnswer<E> = await socket
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck(...args)
    .catch(() => {
      throw new RealtimeError('TIMEOUT');
    });
  if ('error' in res) throw new RealtimeError(res.error);
  return res.data;
}

/** My new state is in the ack: show it at once rather than waiting for the broadcast. */
function showMe(me: TCounsellorView): TCounsellorView {
  update((snap) => withCounsellor(snap, me, selfId));
  return me;
}

export const setPresence = async (payload: TEmitArgs<'presence:set'>[1]) =>
  showMe(await emitAck('presence:set', payload));
export const endWrapUp = async () => showMe(await emitAck('wrapup:end', {}));

/** Answered: the offer is settled for this desk whatever broadcast follows (or is lost). */
export async function acceptOffer(offerId: string): Promise<{ taskId: string }> {
  const accepted = await emitAck('call:accept', { offerId });
  update((snap) => withoutOffer(snap, offerId));
  return accepted;
}
export async function rejectOffer(offerId: string): Promise<void> {
  await emitAck('call:reject', { offerId });
  update((snap) => withoutOffer(snap, offerId));
}
