import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { callsRepository } from '../../../src/modules/telephony/calls.repository';
import { createHotline, newCallSid, postSigned } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

/**
 * KNOWN DEFECT (kept out of npm test until fixed; runs in npm run test:faults): replaying the
 * signed webhooks of a call that has already ended puts a ghost caller back into the Redis queue
 * (languageChosen → enqueueCaller does not look at the call's terminal state) and rewrites
 * enqueuedAt / leftQueueAt in Postgres.
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
      return keys.filter((k) => !k.includes(':rl:')).map((k, i) => `${k}=${sizes[i]}`);
    };
    const before = { call: await calls.findCall(callSid), redis: await redisState() };
    expect(before.call?.status).toBe('completed');

    await Promise.all([...steps, ...steps].map(post));
    for (const s of [...steps].reverse()) await post(s);

    const after = { call: await calls.findCall(callSid), redis: await redisState() };
    expect(after.redis).toEqual(before.redis);
    expect({ ...after.call, updatedAt: null }).toEqual({ ...before.call, updatedAt: null });
  });
});
