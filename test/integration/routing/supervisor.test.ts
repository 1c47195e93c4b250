import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eventually, ORIGIN, routingHarness } from '../../fixtures/routing-harness';
import { createHotline, newCallSid, postSigned } from '../../fixtures/telephony.fixture';
import type { TSupervisorFigures } from '../../../src/contracts/realtime';

let h: Awaited<ReturnType<typeof routingHarness>>;
let app: FastifyInstance;

beforeAll(async () => {
  h = await routingHarness({ nodes: 1 });
  app = h.nodes[0] as FastifyInstance;
  await createHotline(h.stores.database.db, { number: '1362', languages: ['lo'] });
});
afterAll(() => h.close());

/** A real call through the signed telephony webhooks (one language: straight into the queue). */
const webhook = (path: string, params: Record<string, string>) =>
  postSigned(app, { path, params, token: h.stores.config.TWILIO_AUTH_TOKEN, baseUrl: ORIGIN });
const incoming = async () => {
  const callSid = newCallSid();
  const res = await webhook('/webhooks/twilio/voice/incoming?hotline=1362', {
    CallSid: callSid,
    From: '+8562055512345',
    To: '+85621136200',
    CallStatus: 'ringing',
  });
  expect(res.body).toContain('<Enqueue');
  return callSid;
};

describe('supervisor figures and queue priority', () => {
  it('counts offered, answered and short abandons from the durable log, and pushes them live', async () => {
    const supervisor = await h.counsellor({ role: 'supervisor' });
    const figuresPushed = new Promise<TSupervisorFigures>((resolve) =>
      supervisor.client.socket.on('figures:updated', (f) => {
        if (f.hotlines[0]?.answered === 1) resolve(f);
      }),
    );
    const c = await h.counsellor({});
    await c.client.socket.emitWithAck('presence:set', { state: 'available' });
    const answeredSid = await incoming();
    const offer = await c.client.nextOffer();
    expect(offer.taskId).toBe(answeredSid);
    await c.client.socket.emitWithAck('call:accept', { offerId: offer.offerId });
    await webhook('/webhooks/twilio/voice/status?hotline=1362', {
      CallSid: answeredSid,
      CallStatus: 'completed',
      SequenceNumber: '5',
    });
    await eventually(async () =>
      expect(
        await c.client.socket.emitWithAck('presence:set', { state: 'away', reason: 'break' }),
      ).toHaveProperty('data.state', 'away'),
    );

    const gone = await incoming();
    await webhook('/webhooks/twilio/voice/queue-result?hotline=1362&lang=lo', {
      CallSid: gone,
      QueueResult: 'hangup',
    });
    expect(await h.queue.position(gone, '1362')).toBeNull();

    const res = await eventually(async () => {
      await app.liveRouting.events.flush();
      const r = await app.inject({
        url: '/api/staff/routing/figures',
        headers: { cookie: supervisor.cookie },
      });

      expect(r.json().hotlines[0]).toMatchObject({ offered: 1, answered: 1, abandoned: 1 });
      return r.json() as TSupervisorFigures;
    });
    expect(res.hotlines[0]).toMatchObject({ hotline: '1362', shortAbandoned: 1, serviceLevel: 1 });
    expect(res.hotlines[0]?.averageSpeedOfAnswerS).toBeGreaterThanOrEqual(0);
    expect(res.hotlines[0]?.averageHandleTimeS).toBeGreaterThanOrEqual(0);
    expect(res.counsellorsByState.away).toBe(1);
    expect(await figuresPushed).toMatchObject({ hotlines: [{ hotline: '1362', answered: 1 }] });

    const forbidden = await app.inject({
      url: '/api/staff/routing/figures',
      headers: { cookie: c.cookie },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('lets a supervisor move a child caller to the front of the queue', async () => {
    const supervisor = await h.counsellor({ role: 'supervisor' });
    const first = await incoming();
    const child = await incoming();
    expect(await h.queue.position(child, '1362')).toBe(2);
    const res = await app.inject({
      method: 'POST',
      url: `/api/staff/routing/queue/${child}/priority`,
      headers: { cookie: supervisor.cookie },
      payload: { reason: 'child', boostMinutes: 10 },
    });
    expect(res.statusCode).toBe(204);
    expect(await h.queue.position(child, '1362')).toBe(1);
    expect(await h.queue.position(first, '1362')).toBe(2);
    const unknown = await app.inject({
      method: 'POST',
      url: `/api/staff/routing/queue/${newCallSid()}/priority`,
      headers: { cookie: supervisor.cookie },
      payload: { reason: 'child', boostMinutes: 10 },
    });
    expect(unknown.json().error.code).toBe('CALLER_NOT_WAITING');
  });
});
