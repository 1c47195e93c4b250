import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { TServerToClientEvents } from '../contracts/realtime';
import { isRedisCluster } from '../infra/redis';
import type { TIo } from './realtime.server';

type TEvent = keyof TServerToClientEvents;
type TPayload<E extends TEvent> = Parameters<TServerToClientEvents[E]>[0];

export type TRoomDelivery = {
  to(rooms: string | string[]): {
    emit<E extends TEvent>(event: E, payload: TPayload<E>): void;
  };
  /** A batch another node published on the channel (this node's own batches are skipped). */
  receive(message: string): void;
  /**
   * Whether this node's subscriber is on the channel: once it is, the node tells the others
   * (they publish again) and may count itself out of PUBLISH's answer.
   */
  listening(on: boolean): void;
  close(): void;
};

/** How often a node that hears nobody else asks Redis whether another node has subscribed. */
const ALONE_CHECK_MS = 1000;

/**
 * Routing's room events (offers, presence, queue views): delivered to this node's sockets at
 * once, and to the other nodes in one Redis PUBLISH per event-loop turn. Through the Socket.IO
 * Redis adapter every emit was its own PUBLISH (two per offer): during a surge, a large share
 * of the API's Redis writes. One channel and one publisher keep the events in order on every
 * node. Payloads are plain JSON, as Socket.IO would send them anyway.
 *
 * A node with nobody else on the channel publishes nothing: PUBLISH answers how many listened,
 * and one (itself) means it is alone. A node that subscribes says so at once (an empty batch),
 * and a lone node asks Redis every second as well, so the others publish again before the
 * newcomer's desks have connected to it.
 */
export function roomDelivery(
  io: TIo,
  redis: Redis,
  channel: string,
  onError: (err: unknown) => void,
): TRoomDelivery {
  const node = randomBytes(8).toString('hex');
  let pending: Array<[string | string[], string, unknown]> = [];
  let scheduled = false;
  // Until Redis says otherwise, assume others listen: a lost event costs more than a PUBLISH.
  let others = true;
  // Redis's count includes this node's own subscriber only while it is subscribed. A Cluster
  // node counts only its own subscribers, so there every node always publishes.
  let subscribed = false;
  const countable = !isRedisCluster(redis);
  const listeners = (n: number) => {
    if (subscribed && countable) others = n > 1;
  };
  const check = setInterval(() => {
    if (others) return;
    redis
      .pubsub('NUMSUB', channel)
      .then((reply) => listeners(Number((reply as [string, number])[1] ?? 0)))
      // Redis unreachable: publish again (and fail, and say so) rather than guess.
      .catch(() => (others = true));
  }, ALONE_CHECK_MS);
  check.unref();
  const local = (rooms: string | string[], event: string, payload: unknown) =>
    (io.local.to(rooms) as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);

  function flush(): void {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length) publish(batch);
  }
  function publish(batch: typeof pending): void {
    redis
      .publish(channel, `${node} ${JSON.stringify(batch)}`)
      .then(listeners)
      .catch((err: unknown) => onError(err));
  }

  return {
    to(rooms) {
      return {
        emit(event, payload) {
          local(rooms, event, payload);
          if (!others) return;
          pending.push([rooms, event, payload]);
          if (!scheduled) {
            scheduled = true;
            setImmediate(flush);
          }
        },
      };
    },
    receive(message) {
      const space = message.indexOf(' ');
      if (space < 0 || message.slice(0, space) === node) return;
      others = true;
      try {
        const batch = JSON.parse(message.slice(space + 1)) as Array<
          [string | string[], string, unknown]
        >;
        for (const [rooms, event, payload] of batch) local(rooms, event, payload);
      } catch (err) {
        onError(err);
      }
    },
    listening(on) {
      subscribed = on;
      if (!on) others = true;
      else publish([]);
    },
    close() {
      clearInterval(check);
    },
  };
}
