import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { TServerToClientEvents } from '../contracts/realtime';

/** Pushes to browsers from anywhere (API or workers), typed by the one server→client contract. */
export type TRealtimeEmitter = Emitter<TServerToClientEvents>;

/** Same key as the API's Socket.IO Redis adapter, so every API node delivers the push. */
export function realtimeEmitter(redis: Redis, redisPrefix: string): TRealtimeEmitter {
  return new Emitter<TServerToClientEvents>(redis, { key: `${redisPrefix}:io` });
}
