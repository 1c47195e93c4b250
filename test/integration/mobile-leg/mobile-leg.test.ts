import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import {
  eventually,
  heard,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import type { TSimCall, TRing } from '../../../src/simulator/sim-state';

let rig: TTelephonyRig;
beforeAll(async () => {
  rig = await startTelephonyRig({
    // 50 ms per simulated second: prompts are quick; an unanswered mobile rings 20 s = 1 s real.
    msPerSecond: 50,
    overrides: { ROUTING_WRAP_UP_MS: '0', ROUTING_SWEEP_MS: '100' },
    seed: async ({ database }) => {
      await createHotline(database.db, { number: '1362', languages: ['lo', 'en'] });
    },
  });
}, 60_000);
afterAll(async () => rig?.close());

let mobileSeq = 0;
/** A counsellor who answers on their own mobile, connected with a real socket.io client. */
async function mobileCounsellor(): Promise<{
  id: string;
  mobile: string;
  cookie: string;
  client: TCounsellorClient;
}> {
  const staff = await createStaff(rig.stores, { role: 'counsellor' });
  const cookie = await loginAs(rig.app, staff);
  const mobile = `+85620555${String(70000 + mobileSeq++)}`;
  const saved = await rig.app.inject({
    method: 'PUT',
    url: '/api/staff/me/answer-on',
    headers: { cookie },
    payload: { answerOn: 'mobile', mobile },
  });
  expect(saved.statusCode).toBe(200);
  const client = await connectCounsellor({ url: rig.baseUrl, cookie, origin: rig.baseUrl });
  return { id: staff.id, mobile, cookie, client };
}

/** A caller who chooses Lao and waits; resolves once routing has them in line. */
async function queuedCaller(from: string): Promise<TSimCall> {
  const call = rig.sim.placeCall({ hotline: '1362', from, digits: ['1'] });
  await eventually(() =>
    rig.lifecycle.find(
      (e) => e.event === 'caller.queued' && (e.payload as { callSid: string }).callSid === call.sid,
    ),
  );
  return call;
}

const ringingMobile = (mobile: string) =>
  eventually(() =>
    [...rig.sim.engine.state.rings.values()].find(
      (r) => r.target === mobile && r.state === 'ringing',
    ),
  );

/** Offline before the socket closes: a counsellor left available would be offered the next test's callers. */
async function signOff(client: TCounsellorClient) {
  await client.socket.emitWithAck('presence:set', { state: 'offline' }).catch(() => undefined);
  client.close();
}

/** Callers of a finished test leave, and routing has forgotten them, before the next test. */
async function hangUp(calls: Array<TSimCall | undefined>) {
  const queue = waitingQueue(rig.stores.redis, rig.stores.config.REDIS_PREFIX);
  for (const call of calls) {
    if (!call) continue;
    rig.sim.engine.hangup(call);
    await eventually(
      async () => rig.sim.engine.isOver(call) && (await queue.position(call.sid, '1362')) === null,
    );
  }
}

/** The person holding the mobile, through the simulator's control API. */
async function answer(ring: TRing, digits?: string) {
  const response = await rig.sim.app.inject({
    method: 'POST',
    url: `/sim/rings/${ring.id}/answer`,
    ...(digits ? { payload: { digits } } : {}),
  });
  expect(response.statusCode).toBe(200);
}

/** The call's live conference (a caller sent back in line leaves an ended one of the same name). */
const conferenceOf = (callSid: string) =>
  [...rig.sim.engine.state.conferences.values()].find(
    (c) => c.friendlyName === `call-${callSid}` && c.status !== 'completed',
  );

async function acceptNext(client: TCounsellorClient, caller: TSimCall) {
  const offer = await client.nextOffer(20_000);
  expect(offer.taskId).toBe(caller.sid);
  // As a person would: the offer is taken once the caller is back in the platform's queue
  // (routing may offer a requeued caller a moment before the platform has re-enqueued them).
  await eventually(() => caller.queueSid !== null);
  expect(await client.socket.emitWithAck('call:accept', { offerId: offer.offerId })).toEqual({
    data: { taskId: caller.sid },
  });
}

describe('a counsellor answering on their mobile', () => {
  it('hears the whisper, presses 1 and is in the conference with the caller, who never hears the whisper', async () => {
    const counsellor = await mobileCounsellor();
    let caller: TSimCall | undefined;
    try {
      await counsellor.client.socket.emitWithAck('presence:set', { state: 'available' });
      caller = await queuedCaller('+8562055512001');
      await acceptNext(counsellor.client, caller);

      const ring = await ringingMobile(counsellor.mobile);
      // Caller ID is the hotline's own number, never the caller's.
      expect(ring.from).toBe('+85621136200');
      expect(rig.sim.engine.state.rings.size).toBeGreaterThan(0);
      expect(
        [...rig.sim.engine.state.rings.values()].some(
          (r) => r.target === `client:${counsellor.id}`,
        ),
      ).toBe(false);
      await answer(ring, '1');

      const callerSid = caller.sid;
      const conference = await eventually(() => {
        const c = conferenceOf(callerSid);
        return c?.participants.has(callerSid) && c.participants.has(ring.callSid) ? c : undefined;
      });
      expect(conference.participants.size).toBe(2);
      const leg = rig.sim.engine.state.calls.get(ring.callSid) as TSimCall;
      expect(heard(leg, 'play', '/prompts/1362/lo/whisper.wav')).toHaveLength(1);
      expect(heard(leg, 'digits', '1')).toHaveLength(1);
      expect(heard(caller, 'play', 'whisper')).toHaveLength(0);
      expect((await rig.app.liveRouting.presence.get(counsellor.id))?.state).toBe('on_call');

      // The counsellor hangs up the mobile: the call ends for the caller too.
      rig.sim.engine.hangup(leg);
      const callerCall = caller;
      await eventually(() => rig.sim.engine.isOver(callerCall));
      await eventually(
        async () => (await rig.app.liveRouting.presence.get(counsellor.id))?.state === 'available',
      );
    } finally {
      await hangUp([caller]);
      await signOff(counsellor.client);
    }
  }, 60_000);

  it('hears no whisper when the caller hung up while the mobile rang, and is free again', async () => {
    const counsellor = await mobileCounsellor();
    let caller: TSimCall | undefined;
    try {
      await counsellor.client.socket.emitWithAck('presence:set', { state: 'available' });
      caller = await queuedCaller('+8562055512004');
      await acceptNext(counsellor.client, caller);
      const ring = await ringingMobile(counsellor.mobile);
      const gone = caller;
      rig.sim.engine.hangup(gone);
      await eventually(
        async () => (await rig.app.liveRouting.presence.get(counsellor.id))?.state === 'available',
      );
      await answer(ring, '1');
      const leg = rig.sim.engine.state.calls.get(ring.callSid) as TSimCall;
      await eventually(() => rig.sim.engine.isOver(leg));
      expect(heard(leg, 'play', 'whisper')).toHaveLength(0);
      expect(heard(leg, 'conference')).toHaveLength(0);
    } finally {
      await hangUp([caller]);
      await signOff(counsellor.client);
    }
  }, 60_000);

  for (const [what, act] of [
    ['does not answer', async () => undefined],
    ['answers and presses 2', async (ring: TRing) => answer(ring, '2')],
    ['answers and presses nothing (voicemail)', async (ring: TRing) => answer(ring)],
  ] as const)
    it(`${what}: the caller is offered again, still first in line, and it counts as a time-out`, async () => {
      const counsellor = await mobileCounsellor();
      let first: TSimCall | undefined;
      let second: TSimCall | undefined;
      try {
        first = await queuedCaller('+8562055512002');
        // Callers a second apart: same-millisecond callers tie in Redis.
        await new Promise((r) => setTimeout(r, 1000));
        second = await queuedCaller('+8562055512003');
        await counsellor.client.socket.emitWithAck('presence:set', { state: 'available' });
        await acceptNext(counsellor.client, first);

        const ring = await ringingMobile(counsellor.mobile);
        await act(ring);

        // Back in line at the same place: the next offer is the same caller, before the second.
        await acceptNext(counsellor.client, first);
        const record = await rig.app.liveRouting.presence.get(counsellor.id);
        expect(record?.timeouts).toBe(1);
        expect(rig.sim.engine.isOver(first)).toBe(false);
        expect(conferenceOf(first.sid)?.participants.has(ring.callSid) ?? false).toBe(false);
        const leg = rig.sim.engine.state.calls.get(ring.callSid) as TSimCall;
        expect(rig.sim.engine.isOver(leg)).toBe(true);
        expect(heard(first, 'play', 'whisper')).toHaveLength(0);

        // This time the counsellor takes it.
        const again = await ringingMobile(counsellor.mobile);
        await answer(again, '1');
        const firstSid = first.sid;
        await eventually(() => conferenceOf(firstSid)?.participants.has(again.callSid));
      } finally {
        await hangUp([first, second]);
        await signOff(counsellor.client);
      }
    }, 60_000);

  it('is rung on her mobile, whisper first, when a colleague warm-transfers a call to her', async () => {
    const colleague = await mobileCounsellor();
    const staff = await createStaff(rig.stores, { role: 'counsellor' });
    const first = await connectCounsellor({
      url: rig.baseUrl,
      cookie: await loginAs(rig.app, staff),
      origin: rig.baseUrl,
    });
    let caller: TSimCall | undefined;
    try {
      await first.socket.emitWithAck('presence:set', { state: 'available' });
      caller = await queuedCaller('+8562055512004');
      const callerSid = caller.sid;
      await acceptNext(first, caller);
      const softphone = await eventually(() =>
        [...rig.sim.engine.state.rings.values()].find(
          (r) => r.target === `client:${staff.id}` && r.state === 'ringing',
        ),
      );
      await answer(softphone);
      await eventually(() => conferenceOf(callerSid)?.participants.has(softphone.callSid));

      await colleague.client.socket.emitWithAck('presence:set', { state: 'available' });
      expect(
        await first.socket.emitWithAck('call:transfer', {
          callSid: callerSid,
          to: { kind: 'counsellor', userId: colleague.id },
        }),
      ).toEqual({ data: { callSid: callerSid } });
      // Her mobile rings with the hotline's number, not her (unused) browser softphone.
      const ring = await ringingMobile(colleague.mobile);
      expect(ring.from).toBe('+85621136200');
      expect(
        [...rig.sim.engine.state.rings.values()].some((r) => r.target === `client:${colleague.id}`),
      ).toBe(false);
      await answer(ring, '1');
      await eventually(() => conferenceOf(callerSid)?.participants.has(ring.callSid));
      const leg = rig.sim.engine.state.calls.get(ring.callSid) as TSimCall;
      expect(heard(leg, 'play', '/prompts/1362/lo/whisper.wav')).toHaveLength(1);
      expect(heard(caller, 'play', 'whisper')).toHaveLength(0);
      expect((await rig.app.liveRouting.presence.get(colleague.id))?.state).toBe('on_call');
    } finally {
      await hangUp([caller]);
      await signOff(first);
      await signOff(colleague.client);
    }
  }, 60_000);

  it('is rung first for a call-back she places; the caller is dialled only once she answers', async () => {
    const counsellor = await mobileCounsellor();
    const callerNumber = '+8562055512005';
    const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
      rig.app.inject({
        method,
        url: `/api/staff${url}`,
        headers: { cookie: counsellor.cookie },
        ...(payload ? { payload } : {}),
      });
    const rings = () => [...rig.sim.engine.state.rings.values()];
    // Lao, then 1 for a call-back while waiting, 1 "any time", 1 "this number".
    const asked = rig.sim.placeCall({
      hotline: '1362',
      from: callerNumber,
      digits: ['1', '1', '1', '1'],
    });
    await eventually(() => asked.status === 'completed');
    const task = await eventually(async () =>
      (
        (await api('GET', '/callbacks')).json().tasks as Array<{ id: string; callSid: string }>
      ).find((t) => t.callSid === asked.sid),
    );
    const legs: string[] = [];
    try {
      expect((await api('POST', `/callbacks/${task.id}/take`)).statusCode).toBe(200);
      expect((await api('POST', `/callbacks/${task.id}/place`)).statusCode).toBe(200);
      const ring = await ringingMobile(counsellor.mobile);
      legs.push(ring.callSid);
      expect(ring.from).toBe('+85621136200');
      // Nobody has dialled the caller while her phone rings.
      expect(rings().some((r) => r.target === callerNumber)).toBe(false);

      await answer(ring);
      const callerRing = await eventually(() =>
        rings().find((r) => r.target === callerNumber && r.state === 'ringing'),
      );
      legs.push(callerRing.callSid);
      expect(callerRing.from).toBe('+85621136200');
      await answer(callerRing);
      await eventually(() =>
        [...rig.sim.engine.state.conferences.values()].find(
          (c) =>
            c.friendlyName === `callback-${task.id}` &&
            c.participants.has(ring.callSid) &&
            c.participants.has(callerRing.callSid),
        ),
      );
    } finally {
      for (const sid of legs) {
        const leg = rig.sim.engine.state.calls.get(sid);
        if (leg) rig.sim.engine.hangup(leg);
      }
      await api('POST', `/callbacks/${task.id}/complete`, { outcome: 'reached' });
      await signOff(counsellor.client);
    }
  }, 60_000);
});
