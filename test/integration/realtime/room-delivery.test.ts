import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import type { Redis } from 'ioredis';
import { duplicateRedis, openRedis, redisReady } from '../../../src/infra/redis';
import { roomDelivery, type TRoomDelivery } from '../../../src/realtime/room-delivery';
import type { TIo } from '../../../src/realtime/realtime.server';
import type { TServerToClientEvents } from '../../../src/contracts/realtime';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { eventually } from '../../fixtures/routing-harness';

// Routing events cross to other API nodes through one Redis channel. A node alone on it stops
// publishing (nobody would hear), and starts again as soon as a second node subscribes: events
// for a counsellor connected to the newcomer must reach it. Real Redis, real pub/sub.
let stores: TTestStores;
const redisUrl = () => stores.config.REDIS_URL ?? '';
const closers: Array<() => void> = [];

beforeAll(async () => {
  stores = await createTestStores();
});
afterAll(async () => {
  for (const close of closers.reverse()) close();
  await stores?.cleanup();
});

type TNode = {
  delivery: TRoomDelivery;
  /** Batches this node put on the channel (its own PUBLISH calls, announcements included). */
  published: string[];
  /** Everything this node's subscriber heard on the channel, its own batches included. */
  heard: string[];
  leave: () => Promise<void>;
};

async function startNode(channel: string): Promise<TNode> {
  const publisher: Redis = openRedis(redisUrl());
  await redisReady(publisher);
  const subscriber = duplicateRedis(publisher, 'subscriber');
  const published: string[] = [];
  const send = publisher.publish.bind(publisher);
  // The node's own publishes, seen on its real client (the channel's count must stay honest:
  // a listening spy would itself be a second subscriber).
  publisher.publish = ((ch: string, message: string) => {
    published.push(message.slice(message.indexOf(' ') + 1));
    return send(ch, message);
  }) as typeof publisher.publish;
  const io = new Server() as unknown as TIo;
  const delivery = roomDelivery(io, publisher, channel, () => {});
  const heard: string[] = [];
  subscriber.on('message', (_ch: string, message: string) => {
    delivery.receive(message);
    heard.push(message);
  });
  await subscriber.subscribe(channel);
  delivery.listening(true);
  const leave = async () => {
    delivery.listening(false);
    await subscriber.unsubscribe(channel);
  };
  closers.push(() => {
    delivery.close();
    subscriber.disconnect();
    publisher.disconnect();
  });
  return { delivery, published, heard, leave };
}

const offer = (n: number): TCallOffer => ({
  offerId: `o${n}`,
  taskId: `CA${n}`,
  channel: 'voice',
  hotline: '1362',
  language: 'lo',
  kind: 'inbound',
  enqueuedAt: Date.now(),
  expiresAt: Date.now() + 20_000,
});
type TCallOffer = Parameters<TServerToClientEvents['call:offered']>[0];
const nextTurns = () => new Promise((r) => setTimeout(r, 50));

describe('routing events between API nodes', () => {
  it('are not published while one node is alone, and reach a node that joins later', async () => {
    const channel = `${stores.config.REDIS_PREFIX}:routing:deliver`;
    const first = await startNode(channel);
    // Its announcement comes back with one listener (itself): it is alone.
    await eventually(() => expect(first.heard).toHaveLength(1));
    expect(first.published).toEqual(['[]']);
    await nextTurns();
    first.delivery.to('user:a').emit('call:offered', offer(1));
    await nextTurns();
    expect(first.published).toEqual(['[]']);

    // A second node subscribes and says so: the first one publishes again, and it is heard.
    const second = await startNode(channel);
    await eventually(() => expect(first.heard).toHaveLength(2));
    first.delivery.to('user:b').emit('call:offered', offer(2));
    await eventually(() =>
      expect(second.heard.some((m) => m.includes('"CA2"') && m.includes('user:b'))).toBe(true),
    );

    // The second node leaves: the first finds itself alone again at its next publish.
    await second.leave();
    first.delivery.to('user:c').emit('call:offered', offer(3));
    await eventually(() => expect(first.published.some((m) => m.includes('"CA3"'))).toBe(true));
    await nextTurns();
    first.delivery.to('user:d').emit('call:offered', offer(4));
    await nextTurns();
    expect(first.published.some((m) => m.includes('"CA4"'))).toBe(false);
  });

  it('are published again within a second or so when a node joins without being heard', async () => {
    const channel = `${stores.config.REDIS_PREFIX}:routing:deliver-2`;
    const first = await startNode(channel);
    await eventually(() => expect(first.heard).toHaveLength(1));
    // A node whose announcement got lost: subscribed, silent. Redis's count finds it.
    const silent = openRedis(redisUrl());
    closers.push(() => silent.disconnect());
    await redisReady(silent);
    const heard: string[] = [];
    silent.on('message', (_ch: string, m: string) => heard.push(m));
    await silent.subscribe(channel);
    await eventually(() => {
      first.delivery.to('user:e').emit('call:offered', offer(5));
      expect(heard.some((m) => m.includes('"CA5"'))).toBe(true);
    });
  });
});
