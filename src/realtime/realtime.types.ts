import type { Server, Socket } from 'socket.io';
import type { TClientToServerEvents, TServerToClientEvents } from '../contracts/realtime';
import type { TActor } from '../modules/auth/actor';

/** sessionDigest names the session (never its id) for the periodic check and the session room. */
export type TSocketData = { actor: TActor; sessionDigest: string };
export type TIo = Server<TClientToServerEvents, TServerToClientEvents, never, TSocketData>;
export type TSocket = Socket<TClientToServerEvents, TServerToClientEvents, never, TSocketData>;
