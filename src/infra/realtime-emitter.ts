import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { TServerToClientEvents } from '../contracts/realtime';
import { isRedisCluster } from './redis';

type TEvents = TServerToClientEvents;

/** Pushes to browsers from anywhere (API or workers), typed by the one server→client contract. */
export type TRealtimeEmitter = {
  to(room: string | string[]): {
    emit<E extends keyof TEvents>(event: E, ...args: Parameters<TEvents[E]>): unknown;
  };
};

/** The channel (classic adapter) or channel prefix (sharded adapter) every API node listens on. */
const ioKey = (redisPrefix: string) => `${redisPrefix}:io`;

/**
 * The API's Socket.IO adapter. On a Redis Cluster, the sharded adapter: SPUBLISH/SSUBSCRIBE
 * (Redis 7) keeps each message on the node owning its channel, where classic PUBLISH is copied
 * to every node of the cluster. Elsewhere the classic adapter.
 */
export function realtimeAdapter(pub: Redis, sub: Redis, redisPrefix: string) {
  return isRedisCluster(pub)
    ? createShardedAdapter(pub, handledSubscriptions(sub), { channelPrefix: ioKey(redisPrefix) })
    : createAdapter(pub, handledSubscriptions(sub), {
        key: ioKey(redisPrefix),
        requestsTimeout: 2000,
      });
}

/**
 * The classic adapter subscribes and drops the promise. With Redis down when the node starts,
 * those subscriptions wait in the offline queue, and closing the node rejects them ("Connection
 * is closed") with nobody listening: an unhandled rejection. The outage itself is reported by
 * /readyz and the connection's error listener; the adapter resubscribes on reconnect. The sharded
 * adapter (Redis Cluster) does the same with SSUBSCRIBE when a desk joins its rooms: during a
 * failover that rejected with "Too many Cluster redirections", unhandled.
 */
function handledSubscriptions(sub: Redis): Redis {
  for (const name of ['subscribe', 'psubscribe', 'ssubscribe', 'sunsubscribe'] as const) {
    const original = sub[name].bind(sub) as (...args: unknown[]) => Promise<unknown>;
    Object.assign(sub, {
      [name]: (...args: unknown[]) => {
        const pending = original(...args);
        pending.catch(() => {});
        return pending;
      },
    });
  }
  return sub;
}

/** Same key as the API's Socket.IO Redis adapter, so every API node delivers the push. */
export function realtimeEmitter(redis: Redis, redisPrefix: string): TRealtimeEmitter {
  if (isRedisCluster(redis)) return shardedEmitter(redis, redisPrefix);
  return new Emitter<TEvents>(redis, { key: ioKey(redisPrefix) });
}

// @socket.io/redis-emitter speaks only the classic adapter's protocol. The sharded adapter takes
// a cluster-adapter BROADCAST message (JSON) on `<prefix>#<nsp>#`, or on `<prefix>#<nsp>#<room>#`
// for a message to one room (its default "dynamic" subscription mode), so the workers send that.
const BROADCAST = 3;
const EVENT_PACKET = 2;
const EMITTER_UID = 'emitter';
const looksLikeASocketId = (room: string) => room.length === 20;

function shardedEmitter(redis: Redis, redisPrefix: string, nsp = '/'): TRealtimeEmitter {
  const base = `${ioKey(redisPrefix)}#${nsp}#`;
  return {
    to(room) {
      const rooms = Array.isArray(room) ? room : [room];
      return {
        emit(event, ...args) {
          const message = {
            uid: EMITTER_UID,
            nsp,
            type: BROADCAST,
            data: {
              packet: { type: EVENT_PACKET, data: [event, ...args], nsp },
              opts: { rooms, except: [], flags: {} },
            },
          };
          const only = rooms.length === 1 ? rooms[0] : undefined;
          const channel =
            only !== undefined && !looksLikeASocketId(only) ? `${base}${only}#` : base;
          // At most once, as the classic emitter: a browser resyncs on reconnect.
          void redis.spublish(channel, JSON.stringify(message)).catch(() => {});
          return true;
        },
      };
    },
  };
}
