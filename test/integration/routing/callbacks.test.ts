import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeOperations } from '../../../src/modules/reports/operations.repository';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { eventually } from '../../fixtures/routing-harness';
import { newCallSid } from '../../fixtures/telephony.fixture';
import { askForCallBack as askForCallBackDialog } from './support/callback-dialog';
import { oneHotline, type TOneHotline } from './support/one-hotline';

let h: TOneHotline;
const CALLER_NUMBER = '+8562055577777';

beforeAll(async () => {
  h = await oneHotline();
});
afterAll(() => h.close());

/** The waiting caller presses 1 for a call-back (any time, this number) and Twilio lets them go. */
const askForCallBack = (callSid: string) => askForCallBackDialog(h, callSid, CALLER_NUMBER);

/** The form of the platform's last outgoing call request (Calls.json). */
const lastDial = () =>
  h.twilio.requests.filter((r) => r.path.endsWith('/Calls.json')).at(-1)?.params;

/** The call-back task of this call, once listed, taken by the counsellor with this cookie. */
async function takeTaskOf(cookie: string, callSid: string): Promise<{ id: string }> {
  const task = await eventually(async () => {
    const tasks = (await h.api(cookie, 'GET', '/callbacks')).json().tasks as Array<{
      id: string;
      callSid: string;
    }>;
    const mine = tasks.find((t) => t.callSid === callSid);
    expect(mine).toBeDefined();
    return mine as { id: string };
  });
  expect((await h.api(cookie, 'POST', `/callbacks/${task.id}/take`)).statusCode).toBe(200);
  return task;
}

describe('call-backs and missed calls', () => {
  it('keeps a press-1 caller in their place, lets one counsellor take it and dials with the hotline number', async () => {
    const first = await h.incoming(CALLER_NUMBER);
    const second = await h.incoming(CALLER_NUMBER);
    await askForCallBack(first);
    const a = await h.counsellor({});
    const b = await h.counsellor({});
    const list = await eventually(async () => {
      const res = await h.api(a.cookie, 'GET', '/callbacks');
      expect(res.json().tasks).toHaveLength(1);
      return res.json().tasks as Array<{ id: string; callSid: string }>;
    });
    expect(list[0]?.callSid).toBe(first);
    // The call-back kept the first caller's place, ahead of the second caller.
    expect(await h.queue.position(`cb-${list[0]?.id}`, '1362')).toBe(1);
    expect(await h.queue.position(second, '1362')).toBe(2);

    const [takeA, takeB] = await Promise.all([
      h.api(a.cookie, 'POST', `/callbacks/${list[0]?.id}/take`),
      h.api(b.cookie, 'POST', `/callbacks/${list[0]?.id}/take`),
    ]);
    const codes = [takeA.statusCode, takeB.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const winner = takeA.statusCode === 200 ? a : b;
    const loser = winner === a ? b : a;
    expect((takeA.statusCode === 200 ? takeA : takeB).json().task.status).toBe('taken');
    expect((await h.api(loser.cookie, 'POST', `/callbacks/${list[0]?.id}/place`)).statusCode).toBe(
      404,
    );

    // The counsellor is rung first, from the hotline's number; the caller is not dialled yet.
    const taskId = list[0]?.id ?? '';
    const placed = await h.api(winner.cookie, 'POST', `/callbacks/${taskId}/place`);
    expect(placed.statusCode).toBe(200);
    expect(lastDial()).toMatchObject({ To: `client:${winner.staff.id}`, From: '+85621136200' });
    expect(lastDial()?.Url).toContain(`/bridge/callback/counsellor?taskId=${taskId}`);
    const me = await winner.client.socket.emitWithAck('state:sync', {});
    expect(me).toHaveProperty('data.me.state', 'on_call');
    // A second click while her phone rings rings nothing more.
    const dials = h.twilio.requests.length;
    expect((await h.api(winner.cookie, 'POST', `/callbacks/${taskId}/place`)).statusCode).toBe(409);
    expect(h.twilio.requests).toHaveLength(dials);

    // She answers: now the caller is dialled with the hotline's number, and she joins the
    // conference the caller will join.
    const joined = await h.webhook(`/webhooks/twilio/bridge/callback/counsellor?taskId=${taskId}`, {
      CallSid: newCallSid(),
      CallStatus: 'in-progress',
    });
    expect(joined.body).toContain(`>callback-${taskId}</Conference>`);
    expect(lastDial()).toMatchObject({ To: CALLER_NUMBER, From: '+85621136200' });
    expect(lastDial()?.Url).toContain(`/webhooks/twilio/bridge/callback?taskId=${taskId}`);
    expect((await h.api(winner.cookie, 'GET', '/callbacks')).json().tasks[0].status).toBe('placed');
    // The operations report counts it, with its time from request to call-back.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const report = await computeOperations(
      h.stores.database.sql,
      { from: today, to: today },
      { hotlines: ['1362'], provinceCode: null },
    );
    expect(report.byHotline.find((g) => g.key === '1362')?.callbacksPlaced).toBe(1);

    const done = await h.api(winner.cookie, 'POST', `/callbacks/${list[0]?.id}/complete`, {
      outcome: 'reached',
    });
    expect(done.json().status).toBe('done');
    expect((await h.api(a.cookie, 'GET', '/callbacks')).json().tasks).toHaveLength(0);
    await h.queue.remove(second, '1362');
  });

  it('rings a counsellor who answers on her own mobile there when she places a call-back', async () => {
    const callSid = await h.incoming(CALLER_NUMBER);
    await askForCallBack(callSid);
    const c = await h.counsellor({});
    const mobile = '+8562055570999';
    const saved = await h.api(c.cookie, 'PUT', '/me/answer-on', { answerOn: 'mobile', mobile });
    expect(saved.statusCode).toBe(200);
    const task = await takeTaskOf(c.cookie, callSid);
    expect((await h.api(c.cookie, 'POST', `/callbacks/${task.id}/place`)).statusCode).toBe(200);
    expect(lastDial()).toMatchObject({ To: mobile, From: '+85621136200' });
    await h.api(c.cookie, 'POST', `/callbacks/${task.id}/complete`, { outcome: 'reached' });
  });

  it("never dials the caller when the counsellor's own phone does not answer; she can try again", async () => {
    const callSid = await h.incoming(CALLER_NUMBER);
    await askForCallBack(callSid);
    const c = await h.counsellor({});
    const task = await takeTaskOf(c.cookie, callSid);
    expect((await h.api(c.cookie, 'POST', `/callbacks/${task.id}/place`)).statusCode).toBe(200);
    const dials = h.twilio.requests.filter((r) => r.path.endsWith('/Calls.json')).length;
    const status = await h.webhook(
      `/webhooks/twilio/bridge/callback/counsellor-status?taskId=${task.id}`,
      { CallSid: newCallSid(), CallStatus: 'no-answer' },
    );
    expect(status.statusCode).toBe(204);
    expect(h.twilio.requests.filter((r) => r.path.endsWith('/Calls.json'))).toHaveLength(dials);
    await eventually(async () => {
      const me = await c.client.socket.emitWithAck('state:sync', {});
      expect(me).toHaveProperty('data.me.state', 'available');
    });
    const mine = (await h.api(c.cookie, 'GET', '/callbacks')).json().tasks as Array<{
      id: string;
      status: string;
    }>;
    expect(mine.find((t) => t.id === task.id)?.status).toBe('taken');
    // Her phone works again: this time she is rung, and the caller once she answers.
    expect((await h.api(c.cookie, 'POST', `/callbacks/${task.id}/place`)).statusCode).toBe(200);
    expect(lastDial()?.To).toBe(`client:${c.staff.id}`);
    await h.api(c.cookie, 'POST', `/callbacks/${task.id}/complete`, { outcome: 'not-reached' });
  });

  it('lists abandoned callers as missed calls without calling them, until a counsellor decides', async () => {
    const c = await h.counsellor({});
    const gone = await h.incoming(CALLER_NUMBER);
    await h.webhook('/webhooks/twilio/voice/queue-result?hotline=1362&lang=lo', {
      CallSid: gone,
      QueueResult: 'hangup',
    });
    const dialsBefore = h.twilio.requests.filter((r) => r.path.endsWith('/Calls.json')).length;
    const missed = await h.api(c.cookie, 'GET', '/missed-calls');
    expect(missed.json().calls.map((m: { callSid: string }) => m.callSid)).toContain(gone);
    expect(h.twilio.requests.filter((r) => r.path.endsWith('/Calls.json'))).toHaveLength(
      dialsBefore,
    );

    const task = await h.api(c.cookie, 'POST', `/missed-calls/${gone}/callback`);
    expect(task.statusCode).toBe(201);
    expect(task.json()).toMatchObject({ origin: 'missed', status: 'open' });
    const again = await h.api(c.cookie, 'GET', '/missed-calls');
    expect(again.json().calls.map((m: { callSid: string }) => m.callSid)).not.toContain(gone);
  });

  it('withdraws an offer when the caller hangs up while it rings', async () => {
    const c = await h.counsellor({});
    await c.client.socket.emitWithAck('presence:set', { state: 'available' });
    const caller = await h.incoming(CALLER_NUMBER);
    const offer = await c.client.nextOffer();
    expect(offer.taskId).toBe(caller);
    await h.webhook('/webhooks/twilio/voice/queue-result?hotline=1362&lang=lo', {
      CallSid: caller,
      QueueResult: 'hangup',
    });
    await eventually(() =>
      expect(c.client.withdrawn).toContainEqual({ offerId: offer.offerId, reason: 'caller-left' }),
    );
    expect(await c.client.socket.emitWithAck('call:accept', { offerId: offer.offerId })).toEqual({
      error: 'OFFER_GONE',
    });
    const me = await c.client.socket.emitWithAck('state:sync', {});
    expect(me).toHaveProperty('data.me.state', 'available');
    // The call's history says so, once, naming the offer and the counsellor it was withdrawn from.
    await eventually(async () => {
      const events = await callsRepository(h.stores.database.db).eventsOf(caller);
      const withdrawn = events.filter((e) => e.kind === 'routing.offer-withdrawn');
      expect(withdrawn.map((e) => e.payload)).toEqual([
        { offerId: offer.offerId, userId: c.staff.id },
      ]);
    });
  });
});
