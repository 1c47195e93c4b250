import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { Redis } from 'ioredis';
import { Emitter } from '@socket.io/redis-emitter';
import { inject } from 'vitest';
import { ORIGIN, routingHarness } from '../../fixtures/routing-harness';
import { revokeUserSessions } from '../../../src/modules/auth/session.repository';

let h: Awaited<ReturnType<typeof routingHarness>>;

beforeAll(async () => {
  h = await routingHarness({ nodes: 2 });
});
afterAll(() => h.close());

function tryConnect(headers: Record<string, string>): Promise<'connected' | string> {
  const socket = connect(h.urlOf(0), {
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (err) => {
      socket.disconnect();
      resolve(err.message);
    });
  });
}

describe('Socket.IO handshake', () => {
  it('refuses a handshake without a session, with a bad session, or from another origin', async () => {
    const { cookie } = await h.counsellor({});
    expect(await tryConnect({ origin: ORIGIN })).toBe('UNAUTHENTICATED');
    expect(await tryConnect({ origin: ORIGIN, cookie: 'sid=forged' })).toBe('UNAUTHENTICATED');
    expect(await tryConnect({ origin: 'https://evil.example', cookie })).not.toBe('connected');
    expect(await tryConnect({ cookie })).not.toBe('connected');
    expect(await tryConnect({ origin: ORIGIN, cookie })).toBe('connected');
  });

  it('answers invalid payloads with VALIDATION_FAILED and unknown offers with OFFER_GONE', async () => {
    const { client } = await h.counsellor({});
    expect(await client.socket.emitWithAck('call:accept', { offerId: '' })).toEqual({
      error: 'VALIDATION_FAILED',
    });
    expect(await client.socket.emitWithAck('call:accept', { offerId: 'of_nope' })).toEqual({
      error: 'OFFER_GONE',
    });
    expect(await client.socket.emitWithAck('presence:set', { state: 'on_call' as 'away' })).toEqual(
      { error: 'VALIDATION_FAILED' },
    );
  });

  it('keeps monitoring to supervisors', async () => {
    const { client } = await h.counsellor({});
    const callSid = `CA${'0'.repeat(32)}`;
    expect(await client.socket.emitWithAck('call:monitor', { callSid, mode: 'listen' })).toEqual({
      error: 'FORBIDDEN',
    });
  });

  it('delivers worker pushes from the Redis emitter to sockets on every node', async () => {
    const a = await h.counsellor({ node: 0 });
    const b = await h.connect(a.cookie, 1);
    const got = [a.client, b].map(
      (c) => new Promise((resolve) => c.socket.once('callback:updated', resolve)),
    );
    const redis = new Redis(inject('redisUrl'));
    const emitter = new Emitter(redis, { key: `${h.stores.config.REDIS_PREFIX}:io` });
    emitter
      .to(`user:${a.staff.id}`)
      .emit('callback:updated', { taskId: 't1', status: 'open', hotline: '1362' });
    expect(await Promise.all(got)).toEqual([
      { taskId: 't1', status: 'open', hotline: '1362' },
      { taskId: 't1', status: 'open', hotline: '1362' },
    ]);
    redis.disconnect();
  });

  it('disconnects the sockets of a user whose sessions are revoked, on every node', async () => {
    const a = await h.counsellor({ node: 0 });
    const b = await h.connect(a.cookie, 1);
    const closed = [a.client, b].map(
      (c) => new Promise((resolve) => c.socket.once('disconnect', resolve)),
    );
    await revokeUserSessions({ redis: h.stores.redis, config: h.stores.config }, a.staff.id);
    expect(await Promise.all(closed)).toHaveLength(2);
    expect(await tryConnect({ origin: ORIGIN, cookie: a.cookie })).toBe('UNAUTHENTICATED');
  });
});
