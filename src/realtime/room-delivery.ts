import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { TServerToClientEvents } from '../contracts/realtime';
import type { TIo } from './realtime.server';

type TEvent = keyof TServerToClientEvents;
type TPayload<E extends TEvent> = Parameters<TServerToClientEvents[E]>[0];

export type TRoomDelivery = {
  to(rooms: string | string[]): {
    emit<E extends TEvent>(event: E, payload: TPayload<E>): void;
  };
  /** A batch another node published on the channel (this node's own batches are skipped). */
  receive(message: string): void;
};

/**
 * Routing's room events (offers, presence, queue views): delivered to this node's sockets at
 * once, and to the other nodes in one Redis PUBLISH per event-loop turn. Through the Socket.IO
 * Redis adapter every emit was its own PUBLISH (two per offer): during a surge, a large share
 * of the API's Redis writes. One channel and one publisher keep the events in order on every
 * node. Payloads are plain JSON, as Socket.IO would send them anyway.
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
  const local = (rooms: string | string[], event: string, payload: unknown) =>
    (io.local.to(rooms) as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);

  function flush(): void {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length)
      redis
        .publish(channel, `${node} ${JSON.stringify(batch)}`)
        .catch((err: unknown) => onError(err));
  }

  return {
    to(rooms) {
      return {
        emit(event, payload) {
          local(rooms, event, payload);
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
      try {
        const batch = JSON.parse(message.slice(space + 1)) as Array<
          [string | string[], string, unknown]
        >;
        for (const [rooms, event, payload] of batch) local(rooms, event, payload);
      } catch (err) {
        onError(err);
      }
    },
  };
}
