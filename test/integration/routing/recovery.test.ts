import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { Redis } from 'ioredis';
import { eventually, ORIGIN, routingHarness } from '../../fixtures/routing-harness';
import { createHotline, newCallSid, postSigned } from '../../fixtures/telephony.fixture';

let h: Awaited<ReturnType<typeof routingHarness>>;
let app: FastifyInstance;

beforeAll(async () => {
  h = await routingHarness({ nodes: 2 });
  app = h.nodes[0] as FastifyInstance;
  await createHotline(h.stores.database.db, { number: '1362', languages: ['lo'] });
});
afterAll(() => h.close());

const incoming = async () => {
  const callSid = newCallSid();
  await postSigned(app, {
    path: '/webhooks/twilio/voice/incoming?hotline=1362',
    params: { CallSid: callSid, From: '+8562055588888', To: '+85621136200', CallStatus: 'ringing' },
    token: h.stores.config.TWILIO_AUTH_TOKEN,
    baseUrl: ORIGIN,
  });
  return callSid;
};

describe('recovery', () => {
  it('rebuilds the queues in the original order after Redis loses its data, dropping callers the platform no longer holds', async () => {
    const first = await incoming();
    const hungUp = await incoming();
    const third = await incoming();
    h.twilio.held.add(first);
    h.twilio.held.add(third);

    // Redis loses everything under this deployment's prefix (sessions included).
    const admin = new Redis(inject('redisUrl'));
    const keys = await admin.keys(`${h.stores.config.REDIS_PREFIX}:*`);
    await admin.del(...keys);
    admin.disconnect();

    await eventually(async () => {
      expect(await h.queue.position(first, '1362')).toBe(1);
      expect(await h.queue.position(third, '1362')).toBe(2);
    });
    expect(await h.queue.position(hungUp, '1362')).toBeNull();

    const c = await h.counsellor({ node: 1 });
    await c.client.socket.emitWithAck('presence:set', { state: 'available' });
    expect((await c.client.nextOffer()).callSid).toBe(first);
  });
});
