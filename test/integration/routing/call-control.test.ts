import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, ORIGIN, routingHarness } from '../../fixtures/routing-harness';
import { createHotline, postSigned } from '../../fixtures/telephony.fixture';
import type { TCounsellorClient } from '../../fixtures/counsellor-client';

let h: Awaited<ReturnType<typeof routingHarness>>;

beforeAll(async () => {
  h = await routingHarness({ nodes: 1 });
});
afterAll(() => h.close());

async function answered(client: TCounsellorClient, callSid: string) {
  const offer = await client.nextOffer();
  expect(offer.taskId).toBe(callSid);
  expect(await client.socket.emitWithAck('call:accept', { offerId: offer.offerId })).toEqual({
    data: { taskId: callSid },
  });
}

const sent = (pathPart: RegExp) => h.twilio.requests.filter((r) => pathPart.test(r.path));

describe('in-call control through conference participants', () => {
  it('holds and resumes the caller, and cold-transfers them to another hotline keeping their place', async () => {
    const first = await h.counsellor({ hotlines: ['1362'] });
    await first.client.socket.emitWithAck('presence:set', { state: 'available' });
    const early = Date.now() - 30_000;
    const caller = await h.caller({ enqueuedAt: early });
    await answered(first.client, caller);

    expect(
      await first.client.socket.emitWithAck('call:hold', { callSid: caller, hold: true }),
    ).toEqual({
      data: { callSid: caller },
    });
    expect(sent(new RegExp(`/Participants/${caller}\\.json$`)).at(-1)?.params.Hold).toBe('true');
    await first.client.socket.emitWithAck('call:hold', { callSid: caller, hold: false });
    expect(sent(new RegExp(`/Participants/${caller}\\.json$`)).at(-1)?.params.Hold).toBe('false');

    // A caller already waiting on 1554 arrived later than ours: ours goes ahead of them.
    const later = await h.caller({ hotline: '1554', enqueuedAt: Date.now() - 5_000 });
    const res = await first.client.socket.emitWithAck('call:transfer', {
      callSid: caller,
      to: { kind: 'queue', hotline: '1554', language: 'lo' },
    });
    expect(res).toEqual({ data: { callSid: caller } });
    const redirect = sent(new RegExp(`/Calls/${caller}\\.json$`)).at(-1);
    expect(redirect?.params.Url).toBe(
      `${ORIGIN}/webhooks/twilio/voice/requeue?hotline=1554&lang=lo`,
    );
    expect(await h.queue.position(caller, '1554')).toBe(1);
    expect(await h.queue.position(later, '1554')).toBe(2);

    const youth = await h.counsellor({ hotlines: ['1554'] });
    await youth.client.socket.emitWithAck('presence:set', { state: 'available' });
    await answered(youth.client, caller);
    // Someone else's call cannot be controlled.
    expect(
      await first.client.socket.emitWithAck('call:hold', { callSid: caller, hold: true }),
    ).toEqual({
      error: 'NOT_FOUND',
    });
    h.callEnded(caller);
    const second = await youth.client.nextOffer();
    expect(second.taskId).toBe(later);
    await youth.client.socket.emitWithAck('call:reject', { offerId: second.offerId });
    await h.queue.remove(later, '1554');
    await youth.client.socket.emitWithAck('presence:set', { state: 'offline' }).catch(() => null);
    await first.client.socket.emitWithAck('presence:set', { state: 'offline' });
  });

  it('warm-transfers to a named available counsellor who then owns the call', async () => {
    const a = await h.counsellor({ hotlines: ['1700'] });
    const b = await h.counsellor({ hotlines: ['1701'] });
    await a.client.socket.emitWithAck('presence:set', { state: 'available' });
    const caller = await h.caller({ hotline: '1700' });
    await answered(a.client, caller);
    const busy = await a.client.socket.emitWithAck('call:transfer', {
      callSid: caller,
      to: { kind: 'counsellor', userId: b.staff.id },
    });
    expect(busy).toEqual({ error: 'INVALID_TRANSITION' }); // b is not available yet
    await b.client.socket.emitWithAck('presence:set', { state: 'available' });
    const connected = new Promise((resolve) => b.client.socket.once('call:connected', resolve));
    expect(
      await a.client.socket.emitWithAck('call:transfer', {
        callSid: caller,
        to: { kind: 'counsellor', userId: b.staff.id },
      }),
    ).toEqual({ data: { callSid: caller } });
    expect(await connected).toEqual({ callSid: caller, conferenceName: `call-${caller}` });
    const adds = sent(new RegExp(`/Conferences/call-${caller}/Participants\\.json$`));
    expect(adds.map((r) => r.params.To)).toEqual([`client:${a.staff.id}`, `client:${b.staff.id}`]);
    expect(await b.client.socket.emitWithAck('call:hold', { callSid: caller, hold: true })).toEqual(
      {
        data: { callSid: caller },
      },
    );
    h.callEnded(caller);
    await eventually(async () => {
      const s = await b.client.socket.emitWithAck('state:sync', {});
      expect(s).toHaveProperty('data.me.state', 'available');
    });
    await a.client.socket.emitWithAck('presence:set', { state: 'offline' }).catch(() => null);
    await b.client.socket.emitWithAck('presence:set', { state: 'offline' });
  });

  it('lets a supervisor listen on her softphone, or on her own mobile when she answers there', async () => {
    const a = await h.counsellor({ hotlines: ['1702'] });
    const boss = await h.counsellor({ hotlines: ['1702'], role: 'supervisor' });
    await a.client.socket.emitWithAck('presence:set', { state: 'available' });
    const caller = await h.caller({ hotline: '1702' });
    await answered(a.client, caller);
    const joins = () => sent(new RegExp(`/Conferences/call-${caller}/Participants\\.json$`));
    const listen = () =>
      boss.client.socket.emitWithAck('call:monitor', { callSid: caller, mode: 'listen' });

    expect(await listen()).toHaveProperty('data.participantSid');
    expect(joins().at(-1)?.params).toMatchObject({ To: `client:${boss.staff.id}`, Muted: 'true' });

    const mobile = '+8562055570888';
    const saved = await h.nodes[0]?.inject({
      method: 'PUT',
      url: '/api/staff/me/answer-on',
      headers: { cookie: boss.cookie },
      payload: { answerOn: 'mobile', mobile },
    });
    expect(saved?.statusCode).toBe(200);
    expect(await listen()).toHaveProperty('data.participantSid');
    expect(joins().at(-1)?.params).toMatchObject({ To: mobile, Muted: 'true' });

    h.callEnded(caller);
    await eventually(async () => {
      const s = await a.client.socket.emitWithAck('state:sync', {});
      expect(s).toHaveProperty('data.me.state', 'available');
    });
    await a.client.socket.emitWithAck('presence:set', { state: 'offline' });
  });

  it('keeps one monitoring leg: listen, then whisper and barge change it in place, stop hangs it up', async () => {
    const a = await h.counsellor({ hotlines: ['1703'] });
    const boss = await h.counsellor({ hotlines: ['1703'], role: 'supervisor' });
    await a.client.socket.emitWithAck('presence:set', { state: 'available' });
    const caller = await h.caller({ hotline: '1703' });
    await answered(a.client, caller);
    const joins = () => sent(new RegExp(`/Conferences/call-${caller}/Participants\\.json$`));
    const monitor = (mode: 'listen' | 'whisper' | 'barge') =>
      boss.client.socket.emitWithAck('call:monitor', { callSid: caller, mode });
    const joinsBefore = joins().length;

    // Two clicks at once ring her once: the second is told to wait, not given a second leg.
    const [first, second] = await Promise.all([monitor('listen'), monitor('listen')]);
    const answers = [first, second];
    expect(answers.filter((r) => 'data' in r)).toHaveLength(1);
    expect(answers.filter((r) => 'error' in r)).toEqual([{ error: 'MONITOR_BUSY' }]);
    expect(joins().length - joinsBefore).toBe(1);
    const leg = (answers.find((r) => 'data' in r) as { data: { participantSid: string } }).data
      .participantSid;

    const whisper = await monitor('whisper');
    expect(whisper).toEqual({ data: { participantSid: leg, switched: true } });
    const edits = () => sent(new RegExp(`/Participants/${leg}\\.json$`));
    expect(edits().at(-1)?.params).toMatchObject({ Muted: 'false', Coaching: 'true' });
    expect(edits().at(-1)?.params.CallSidToCoach).toMatch(/^CA/);
    expect(await monitor('barge')).toEqual({ data: { participantSid: leg, switched: true } });
    expect(edits().at(-1)?.params).toMatchObject({ Muted: 'false', Coaching: 'false' });
    expect(await monitor('listen')).toEqual({ data: { participantSid: leg, switched: true } });
    expect(edits().at(-1)?.params).toMatchObject({ Muted: 'true', Coaching: 'false' });
    // Still the one leg she answered.
    expect(joins().length - joinsBefore).toBe(1);

    expect(await boss.client.socket.emitWithAck('call:monitor-stop', {})).toEqual({
      data: { stopped: true },
    });
    expect(sent(new RegExp(`/Calls/${leg}\\.json$`)).at(-1)?.params.Status).toBe('completed');
    expect(await boss.client.socket.emitWithAck('call:monitor-stop', {})).toEqual({
      data: { stopped: false },
    });

    h.callEnded(caller);
    await eventually(async () => {
      const s = await a.client.socket.emitWithAck('state:sync', {});
      expect(s).toHaveProperty('data.me.state', 'available');
    });
    await a.client.socket.emitWithAck('presence:set', { state: 'offline' });
  });

  it('sends the caller to the after-call question on hang-up where the hotline asks it', async () => {
    await createHotline(h.stores.database.db, {
      number: '1705',
      phoneNumber: '+85621170500',
      afterCallQuestion: true,
    });
    const a = await h.counsellor({ hotlines: ['1705', '1706'] });
    await a.client.socket.emitWithAck('presence:set', { state: 'available' });
    const asked = await h.caller({ hotline: '1705' });
    await answered(a.client, asked);
    expect(await a.client.socket.emitWithAck('call:hangup', { callSid: asked })).toEqual({
      data: { callSid: asked },
    });
    const redirect = sent(new RegExp(`/Calls/${asked}\\.json$`)).at(-1)?.params;
    expect(redirect?.Url).toBe(`${ORIGIN}/webhooks/twilio/voice/after-call?hotline=1705&lang=lo`);
    expect(redirect?.Status).toBeUndefined();

    // A hotline without the question: the caller's call is simply hung up.
    await a.client.socket.emitWithAck('wrapup:end', {});
    const plain = await h.caller({ hotline: '1706' });
    await answered(a.client, plain);
    await a.client.socket.emitWithAck('call:hangup', { callSid: plain });
    expect(sent(new RegExp(`/Calls/${plain}\\.json$`)).at(-1)?.params).toMatchObject({
      Status: 'completed',
    });
    await a.client.socket.emitWithAck('wrapup:end', {}).catch(() => null);
    await a.client.socket.emitWithAck('presence:set', { state: 'offline' }).catch(() => null);
  });

  it("puts the caller back in their place when the counsellor's phone does not answer", async () => {
    const c = await h.counsellor({ hotlines: ['1800'] });
    await c.client.socket.emitWithAck('presence:set', { state: 'available' });
    const caller = await h.caller({ hotline: '1800', enqueuedAt: Date.now() - 10_000 });
    await answered(c.client, caller);
    const behind = await h.caller({ hotline: '1800' });
    const [node] = h.nodes;
    if (!node) throw new Error('no node');
    const status = await postSigned(node, {
      path: `/webhooks/twilio/conference/participant?callSid=${caller}&userId=${c.staff.id}`,
      params: { CallSid: `CA${'1'.repeat(32)}`, CallStatus: 'no-answer' },
      token: h.stores.config.TWILIO_AUTH_TOKEN,
      baseUrl: ORIGIN,
    });
    expect(status.statusCode).toBe(204);
    expect(await h.queue.position(caller, '1800')).toBe(1);
    expect(await h.queue.position(behind, '1800')).toBe(2);
    expect(sent(new RegExp(`/Calls/${caller}\\.json$`)).at(-1)?.params.Url).toContain(
      '/webhooks/twilio/voice/requeue?hotline=1800',
    );
    const again = await c.client.nextOffer();
    expect(again.taskId).toBe(caller);
    const me = await c.client.socket.emitWithAck('state:sync', {});
    expect(me).toHaveProperty('data.me.timeouts', 1);
    await c.client.socket.emitWithAck('call:reject', { offerId: again.offerId });
    await c.client.socket.emitWithAck('presence:set', { state: 'offline' });
    await h.queue.remove(caller, '1800');
    await h.queue.remove(behind, '1800');
  });

  it('keeps the caller in line when the telephony platform refuses the bridge', async () => {
    const c = await h.counsellor({ hotlines: ['1900'] });
    await c.client.socket.emitWithAck('presence:set', { state: 'available' });
    const caller = await h.caller({ hotline: '1900' });
    const offer = await c.client.nextOffer();
    h.twilio.failNext(/\/Members\//);
    expect(await c.client.socket.emitWithAck('call:accept', { offerId: offer.offerId })).toEqual({
      error: 'TELEPHONY_FAILED',
    });
    expect(await h.queue.position(caller, '1900')).toBe(1);
    const again = await c.client.nextOffer();
    expect(again.taskId).toBe(caller);
    await c.client.socket.emitWithAck('call:reject', { offerId: again.offerId });
    await c.client.socket.emitWithAck('presence:set', { state: 'offline' });
  });

  it('bridges a caller accepted before Twilio has them in its queue (a 404 there is retried)', async () => {
    const c = await h.counsellor({ hotlines: ['1950'] });
    await c.client.socket.emitWithAck('presence:set', { state: 'available' });
    const caller = await h.caller({ hotline: '1950' });
    const offer = await c.client.nextOffer();
    h.twilio.failNext(/\/Members\//, 404);
    h.twilio.failNext(/\/Members\//, 404);
    expect(await c.client.socket.emitWithAck('call:accept', { offerId: offer.offerId })).toEqual({
      data: { taskId: caller },
    });
    const dequeues = h.twilio.requests.filter((r) => r.path.endsWith(`/Members/${caller}.json`));
    expect(dequeues).toHaveLength(3);
    expect(await h.queue.position(caller, '1950')).toBeNull();
  });
});
