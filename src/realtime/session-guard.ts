import type { TActor } from '../modules/auth/actor';
import type { TSocket } from './realtime.types';

type TRecheck = () => Promise<TActor | null>;

// Kept beside the socket rather than in socket.data: the Redis adapter serialises socket.data
// for other nodes (fetchSockets), and a function does not travel.
const rechecks = new WeakMap<TSocket, TRecheck>();

/** Remembers how to re-read the session a socket was opened with (set at the handshake). */
export function guardSocket(socket: TSocket, recheck: TRecheck): void {
  rechecks.set(socket, recheck);
}

/**
 * The socket's actor as of now: the session re-read (idle or absolute expiry, sign-out; a
 * disabled user or a changed role or scope revokes the session), or null, and then the caller
 * closes the socket. Run before every client event, so a signed-out console cannot set itself available or take a call.
 */
export async function liveActor(socket: TSocket): Promise<TActor | null> {
  const recheck = rechecks.get(socket);
  const actor = recheck ? await recheck() : null;
  if (actor) socket.data.actor = actor;
  return actor;
}
