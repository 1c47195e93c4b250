import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { heartbeatAndReleaseStale } from '../../../src/modules/routing/presence/presence.service';
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

const incoming = async (hotline = '1362') => {
  const callSid = newCallSid();
  await postSigned(app, {
    path: `/webhooks/twilio/voice/incoming?hotline=${hotline}`,
    params: {
      CallSid: callSid,
      From: '+8562055588888',
      To: `+856211${hotline}00`,
      CallStatus: 'ringing',
    },
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
    expect((await c.client.nextOffer()).taskId).toBe(first);
  });

  it('sets away the counsellors of a node that stopped sending heartbeats (it crashed), and only them', async () => {
    // A hotline of its own: nobody from the test above is waiting or available on it.
    await createHotline(h.stores.database.db, { number: '1554', languages: ['lo'] });
    const routing = app.liveRouting;
    const live = await h.counsellor({ node: 0, hotlines: ['1554'] });
    await live.client.socket.emitWithAck('presence:set', { state: 'available' });
    // A counsellor whose node died a minute ago: available in Redis, connected nowhere.
    const orphan = randomUUID();
    await routing.presence.set({
      userId: orphan,
      target: 'available',
      hotlines: ['1554'],
      languages: ['lo'],
      now: Date.now() - 60_000,
    });

    await heartbeatAndReleaseStale(routing, [live.staff.id], 20_000);

    expect(await routing.presence.get(orphan)).toMatchObject({
      state: 'away',
      reason: 'disconnected',
    });
    const stillThere = await routing.presence.get(live.staff.id);
    expect(stillThere?.state).toBe('available');
    expect(stillThere?.seenAt).toBeGreaterThan(Date.now() - 5_000);
    // A caller now reaches the counsellor who is really there.
    const callSid = await incoming('1554');
    expect((await live.client.nextOffer()).taskId).toBe(callSid);
  });
});
