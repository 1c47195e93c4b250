import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRedisUrl } from '../../../src/config/redis-url';
import { openRedis, redisReady } from '../../../src/infra/redis';
import { startRedisSentinel, type TRedisTopology } from '../../support/redis-topology';

/**
 * A door in front of one sentinel: bytes pass both ways, but while it is held a new connection
 * is let in and answered only once it is released, as a sentinel busy with a failover may be.
 * Connections made before the hold keep flowing.
 */
async function sentinelDoor(port: number) {
  let held = false;
  const waiting: Socket[] = [];
  const sockets = new Set<Socket>();
  const through = (client: Socket) => {
    const upstream = createConnection({ port, host: '127.0.0.1' });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => (s === client ? upstream : client).destroy());
    }
    client.pipe(upstream).pipe(client);
  };
  const server = createServer((client) => {
    if (!held) return through(client);
    client.pause();
    waiting.push(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    hold: () => void (held = true),
    release: () => {
      held = false;
      for (const client of waiting.splice(0)) through(client);
    },
    close: () => {
      for (const s of [...sockets, ...waiting]) s.destroy();
      server.close();
    },
  };
}

// One master and a replica under three sentinels, the application's client reaching the
// sentinels through doors the test can hold.
let topology: TRedisTopology;
let doors: Array<Awaited<ReturnType<typeof sentinelDoor>>> = [];
let app: Redis | undefined;

beforeAll(async () => {
  topology = await startRedisSentinel(1);
  const target = parseRedisUrl(topology.url);
  if (target.kind !== 'sentinel') throw new Error('not a sentinel URL');
  doors = await Promise.all(target.sentinels.map((s) => sentinelDoor(s.port)));
}, 60_000);
afterAll(async () => {
  app?.disconnect();
  for (const door of doors) door.close();
  await topology?.stop();
});

describe('Redis Sentinel: the master dies while the client is asking the sentinels', () => {
  it('the application reaches the promoted replica once the sentinels answer', async () => {
    const list = doors.map((d) => `127.0.0.1:${d.port}`).join(',');
    app = openRedis(`redis-sentinel://:${topology.password}@${list}/mymaster`);
    app.on('error', () => {});
    expect(await redisReady(app, 10_000)).toBe(true);
    await app.set('saiduan:failover:probe', 'written before');
    await app.wait(1, 5000);

    // Told by a sentinel when the replica is promoted, as the client would be.
    const target = parseRedisUrl(topology.url);
    if (target.kind !== 'sentinel') throw new Error('not a sentinel URL');
    const listener = new Redis({ port: target.sentinels[0]?.port ?? 0, lazyConnect: true });
    listener.on('error', () => {});
    await listener.connect();
    const switched = new Promise<void>((done) => listener.once('message', () => done()));
    await listener.subscribe('+switch-master');

    // The client's reconnect, after the master died, waits on a sentinel that has not answered
    // yet while the failover completes; then the sentinels answer again.
    for (const door of doors) door.hold();
    const killed = await topology.masterOf('saiduan:failover:probe');
    topology.kill(killed);
    await switched;
    listener.disconnect();
    for (const door of doors) door.release();

    // The API's connection comes back on the new master: nothing written before is lost and it
    // takes writes again (before the fix it had given up for good, "Connection is closed").
    expect(await redisReady(app, 30_000)).toBe(true);
    expect(await app.get('saiduan:failover:probe')).toBe('written before');
    await app.set('saiduan:failover:probe', 'written after');
    expect(await topology.masterOf('saiduan:failover:probe')).not.toBe(killed);
  }, 60_000);
});
