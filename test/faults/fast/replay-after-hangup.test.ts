import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { createHotline, newCallSid, postSigned } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { routingKeyspace } from '../../../src/modules/routing/routing.keys';

/**
 * Replayed, duplicated and late signed webhooks (an attacker who captured them, or Twilio's own
 * retries): a call that is over is never queued again and its timestamps are written once.
 */
let stores: TTestStores;
let app: FastifyInstance;

beforeAll(async () => {
  stores = await createTestStores();
  await createHotline(stores.database.db);
  ({ app } = await buildTestApp(stores));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

describe('replaying a processed Twilio request', () => {
  it('changes nothing when every request of a finished call is replayed', async () => {
    const callSid = newCallSid();
    const base = { CallSid: callSid, From: '+8562055544433', To: '+85621136200' };
    const steps: Array<{ path: string; params: Record<string, string> }> = [
      {
        path: '/webhooks/twilio/voice/incoming?hotline=1362',
        params: { ...base, CallStatus: 'ringing' },
      },
      { path: '/webhooks/twilio/voice/language?hotline=1362', params: { ...base, Digits: '1' } },
      {
        path: '/webhooks/twilio/voice/status?hotline=1362',
        params: { ...base, CallStatus: 'in-progress', SequenceNumber: '1' },
      },
      {
        path: '/webhooks/twilio/voice/queue-result?hotline=1362&lang=lo',
        params: { ...base, QueueResult: 'hangup' },
      },
      {
        path: '/webhooks/twilio/voice/status?hotline=1362',
        params: { ...base, CallStatus: 'completed', SequenceNumber: '2', CallDuration: '42' },
      },
    ];
    const post = (s: { path: string; params: Record<string, string> }) =>
      postSigned(app, {
        ...s,
        token: stores.config.TWILIO_AUTH_TOKEN,
        baseUrl: stores.config.PUBLIC_BASE_URL,
      });
    for (const s of steps) expect((await post(s)).statusCode).toBe(200);

    const calls = callsRepository(stores.database.db);
    const redisState = async () => {
      const keys = (await stores.redis.keys(`${stores.config.REDIS_PREFIX}:*`)).sort();
      const types = await Promise.all(keys.map((k) => stores.redis.type(k)));
      const sizes = await Promise.all(
        keys.map((k, i) => (types[i] === 'zset' ? stores.redis.zcard(k) : stores.redis.exists(k))),
      );
      // Rate-limit counters and routing's epoch marker (set by its sweep) are not call state.
      return keys
        .map((k, i) => `${k}=${sizes[i]}`)
        .filter((k) => !k.includes(':rl:') && !k.includes(':routing:epoch='));
    };
    const before = { call: await calls.findCall(callSid), redis: await redisState() };
    expect(before.call?.status).toBe('completed');

    const replies = await Promise.all([...steps, ...steps].map(post));
    for (const s of [...steps].reverse()) replies.push(await post(s));
    // Whoever replays still gets valid TwiML; the language replay is told to hang up.
    expect(replies.map((r) => r.statusCode)).toEqual(replies.map(() => 200));
    expect(replies[1]?.body).toContain('<Hangup/>');

    const after = { call: await calls.findCall(callSid), redis: await redisState() };
    expect(after.redis).toEqual(before.redis);
    expect({ ...after.call, updatedAt: null }).toEqual({ ...before.call, updatedAt: null });
  });

  it('queues a live caller once under concurrent duplicates, and never after the hang-up', async () => {
    const calls = callsRepository(stores.database.db);
    const prefix = routingKeyspace(stores.config.REDIS_PREFIX);
    const post = (path: string, params: Record<string, string>) =>
      postSigned(app, {
        path,
        params,
        token: stores.config.TWILIO_AUTH_TOKEN,
        baseUrl: stores.config.PUBLIC_BASE_URL,
      });
    const sids = Array.from({ length: 4 }, newCallSid);
    await Promise.all(
      sids.map(async (callSid, i) => {
        const base = { CallSid: callSid, From: `+85620555${4400 + i}`, To: '+85621136200' };
        const language = () =>
          post('/webhooks/twilio/voice/language?hotline=1362', { ...base, Digits: '1' });
        await post('/webhooks/twilio/voice/incoming?hotline=1362', {
          ...base,
          CallStatus: 'ringing',
        });
        // Twilio retried the menu answer: five copies at once.
        await Promise.all(Array.from({ length: 5 }, language));
      }),
    );
    const queued = await Promise.all(sids.map((sid) => calls.findCall(sid)));
    expect(await stores.redis.zcard(`${prefix}:queue:1362`)).toBe(sids.length);
    for (const [i, sid] of sids.entries()) {
      const enqueuedAt = await stores.redis.hget(`${prefix}:caller:${sid}`, 'enqueuedAt');
      expect(Number(enqueuedAt)).toBe(queued[i]?.enqueuedAt?.getTime());
    }

    // The hang-up races late copies of the menu answer, the queue result and the status.
    await Promise.all(
      sids.flatMap((callSid, i) => {
        const base = { CallSid: callSid, From: `+85620555${4400 + i}`, To: '+85621136200' };
        const hangup = [
          () =>
            post('/webhooks/twilio/voice/queue-result?hotline=1362&lang=lo', {
              ...base,
              QueueResult: 'hangup',
            }),
          () =>
            post('/webhooks/twilio/voice/status?hotline=1362', {
              ...base,
              CallStatus: 'completed',
              SequenceNumber: '3',
              CallDuration: '20',
            }),
        ];
        const late = () =>
          post('/webhooks/twilio/voice/language?hotline=1362', { ...base, Digits: '1' });
        return [late, ...hangup, late, ...hangup, late].map((send) => send());
      }),
    );
    const ended = await Promise.all(sids.map((sid) => calls.findCall(sid)));
    expect(await stores.redis.zcard(`${prefix}:queue:1362`)).toBe(0);
    for (const [i, sid] of sids.entries()) {
      expect(await stores.redis.exists(`${prefix}:caller:${sid}`)).toBe(0);
      expect(ended[i]?.status).toBe('completed');
      expect(ended[i]?.queueResult).toBe('hangup');
      expect(ended[i]?.enqueuedAt).toEqual(queued[i]?.enqueuedAt);
    }

    // And once more, all of it again later: nothing moves, not even the time the caller left.
    for (const [i, callSid] of sids.entries()) {
      const base = { CallSid: callSid, From: `+85620555${4400 + i}`, To: '+85621136200' };
      await post('/webhooks/twilio/voice/language?hotline=1362', { ...base, Digits: '1' });
      await post('/webhooks/twilio/voice/queue-result?hotline=1362&lang=lo', {
        ...base,
        QueueResult: 'hangup',
      });
    }
    const later = await Promise.all(sids.map((sid) => calls.findCall(sid)));
    expect(await stores.redis.zcard(`${prefix}:queue:1362`)).toBe(0);
    for (const [i] of sids.entries()) {
      expect(later[i]?.leftQueueAt).toEqual(ended[i]?.leftQueueAt);
      expect(later[i]?.enqueuedAt).toEqual(ended[i]?.enqueuedAt);
    }
  });
});
