import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicateRedis, openRedis, redisReady } from '../../../src/infra/redis';
import { realtimeAdapter, realtimeEmitter } from '../../../src/infra/realtime-emitter';
import { eventually } from '../../fixtures/simulator.fixture';
import { startRedisCluster, type TRedisTopology } from '../../support/redis-topology';

// On a Redis Cluster the API uses Socket.IO's sharded adapter (SSUBSCRIBE); a worker's push (the
// emitter) must still reach a browser connected to an API node, in a room and to several rooms.
let cluster: TRedisTopology;

beforeAll(async () => {
  cluster = await startRedisCluster(3);
}, 120_000);
afterAll(async () => cluster?.stop());

describe('Socket.IO on a Redis Cluster', () => {
  it('delivers a worker push to the browser through the sharded adapter', async () => {
    const redis = openRedis(cluster.url);
    redis.on('error', () => {});
    await redisReady(redis, 10_000);
    const pub = duplicateRedis(redis, 'worker');
    const sub = duplicateRedis(redis, 'subscriber');
    const http = createServer();
    const io = new Server(http, { adapter: realtimeAdapter(pub, sub, 'rt') });
    io.on('connection', (socket) => void socket.join(['supervisors', 'user:u1']));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
      transports: ['websocket'],
    });
    const got: string[] = [];
    client.onAny((event: string, body: { id?: string }) => got.push(`${event}:${body.id ?? ''}`));
    try {
      await eventually(() => client.connected, 10_000);
      const worker = openRedis(cluster.url, 'worker');
      worker.on('error', () => {});
      const emitter = realtimeEmitter(worker, 'rt');
      await eventually(async () => {
        emitter.to('user:u1').emit('followup:due', { id: 'one-room' } as never);
        emitter.to(['supervisors', 'other']).emit('ticket:updated', { id: 'two-rooms' } as never);
        await new Promise((r) => setTimeout(r, 300));
        return got.includes('followup:due:one-room') && got.includes('ticket:updated:two-rooms');
      }, 15_000);
      // A room the browser is not in gets nothing to it.
      emitter.to('user:someone-else').emit('followup:due', { id: 'not-mine' } as never);
      await new Promise((r) => setTimeout(r, 500));
      expect(got).not.toContain('followup:due:not-mine');
      worker.disconnect();
    } finally {
      client.close();
      await io.close();
      pub.disconnect();
      sub.disconnect();
      redis.disconnect();
    }
  }, 60_000);
});
