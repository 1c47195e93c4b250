import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { callbackTasks } from '../../../db/schema/index';
import { callbacksRepository } from '../../../src/modules/callbacks/callbacks.repository';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import {
  eventually,
  heardPrompt,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import type { TSimCall } from '../../../src/simulator/sim-state';
import type { TCallbackFigures } from '../../../src/contracts/realtime';
import { actOnRing } from '../../../src/simulator/endpoints';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { rollOverEndedSafeTimes } from '../../../src/modules/callbacks/safe-time-rollover.service';
import { sameLocalTimeDaysLater } from '../../../src/modules/callbacks/safe-time-rollover.policy';

/*
 * "Press 1" keeps the caller's place: through the simulator, a caller waiting behind another
 * presses 1, chooses their safe time and number, hears once what will happen and hangs up; the
 * call-back then waits at that very place, ahead of callers who came later, and is offered to a
 * counsellor (as a call-back) when it reaches the front, but never outside the caller's safe time.
 */
let rig: TTelephonyRig;
const clients: TCounsellorClient[] = [];

beforeAll(async () => {
  rig = await startTelephonyRig({
    // 30 s of ringing last 1.5 s: long enough to answer a ring in the test, short to let one ring out.
    msPerSecond: 50,
    overrides: { ROUTING_OFFER_TIMEOUT_MS: '60000', ROUTING_WRAP_UP_MS: '0' },
    seed: async ({ database }) => {
      await createHotline(database.db, { number: '1362', languages: ['lo'] });
      await createHotline(database.db, {
        number: '1554',
        phoneNumber: '+85621155400',
        languages: ['lo'],
      });
      await createHotline(database.db, {
        number: '1512',
        phoneNumber: '+85621151200',
        languages: ['lo'],
      });
    },
  });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await rig?.close();
});

async function counsellorOf(hotline: string) {
  const staff = await createStaff(rig.stores, {
    role: 'counsellor',
    hotlines: [hotline],
    languages: ['lo'],
  });
  const client = await connectCounsellor({
    url: rig.baseUrl,
    cookie: await loginAs(rig.app, staff),
    origin: rig.baseUrl,
  });
  clients.push(client);
  return { staff, client };
}

const waiting = (hotline: string) => rig.app.liveRouting.queues.callers([hotline]);

/** Call-backs per hotline as the wallboard reads them (an administrator sees every hotline). */
async function callbackFigures(): Promise<TCallbackFigures[]> {
  const admin = await loginAs(rig.app, await createStaff(rig.stores, { role: 'administrator' }));
  const response = await rig.app.inject({
    url: '/api/staff/routing/figures',
    headers: { cookie: admin },
  });
  return (response.json() as { callbacks: TCallbackFigures[] }).callbacks;
}

async function queuedCall(hotline: string, from: string): Promise<TSimCall> {
  const call = rig.sim.placeCall({ hotline, from, digits: [] });
  await eventually(async () => (await waiting(hotline)).some((c) => c.taskId === call.sid));
  return call;
}

const taskOf = async (callSid: string) =>
  eventually(async () => {
    const [row] = await rig.stores.database.db
      .select()
      .from(callbackTasks)
      .where(eq(callbackTasks.callSid, callSid));
    return row;
  });

/** The local hour (Vientiane) `ahead` hours from now. */
const hourFromNow = (ahead: number) =>
  (new Date(Date.now() + 7 * 3600_000).getUTCHours() + ahead) % 24;

describe('a call-back that keeps the place', () => {
  it('waits at the caller’s place, ahead of later callers, and is offered as a call-back at the front', async () => {
    const { staff, client } = await counsellorOf('1362');
    const first = await queuedCall('1362', '+8562055510001');
    const caller = await queuedCall('1362', '+8562055512345');

    // 1 for a call-back, 1 "any time", 1 "this number".
    caller.script.digits.push('1', '1', '1');
    await eventually(() => caller.status === 'completed', 20_000);
    // Heard once, before hanging up: the summary with the last digits of the number.
    expect(heardPrompt(caller, '/callback-summary.wav')).toHaveLength(1);
    const said = heardPrompt(caller).map((p) => p.detail ?? '');
    const summaryAt = said.findIndex((d) => d.includes('/callback-summary.wav'));
    expect(said.slice(summaryAt + 1, summaryAt + 5).map((d) => d.split('/').at(-1))).toEqual([
      'digit-2.wav',
      'digit-3.wav',
      'digit-4.wav',
      'digit-5.wav',
    ]);
    expect(heardPrompt(caller, '/callback-confirmed.wav')).toHaveLength(1);
    const task = await taskOf(caller.sid);
    expect(task).toMatchObject({ routed: true, status: 'open', safeWindow: { kind: 'any' } });

    // Later callers arrive; the call-back keeps the second place.
    const later = await queuedCall('1362', '+8562055510002');
    const line = await waiting('1362');
    expect(line.map((c) => c.taskId)).toEqual([first.sid, `cb-${task.id}`, later.sid]);
    expect(line[1]).toMatchObject({ kind: 'callback', state: 'waiting', position: 2 });

    // The first caller gives up: the call-back is at the front, and is offered before the later
    // caller, as a call-back.
    rig.sim.engine.hangup(first);
    await eventually(async () => (await waiting('1362'))[0]?.taskId === `cb-${task.id}`);
    await client.socket.emitWithAck('presence:set', { state: 'available' });
    const offer = await client.nextOffer();
    expect(offer).toMatchObject({ taskId: `cb-${task.id}`, kind: 'callback', channel: 'voice' });

    // On accept the counsellor is rung first (the caller only once she answers).
    const accepted = await client.socket.emitWithAck('call:accept', { offerId: offer.offerId });
    expect(accepted).toHaveProperty('data');
    const ringOf = (target: string, after = 0) =>
      eventually(() =>
        [...rig.sim.engine.state.rings.values()]
          .filter((r) => r.target === target)
          .find((_r, i) => i >= after),
      );
    const firstRing = await ringOf(`client:${staff.id}`);
    expect(firstRing.from).toBe('+85621136200');
    expect(await callbacksRepository(rig.stores.database.db).get(task.id)).toMatchObject({
      takenBy: staff.id,
    });
    // Nobody answers her phone: the call-back goes back to its place, still ahead of the later
    // caller, and nobody dialled the caller.
    await eventually(async () => {
      const back = await waiting('1362');
      return back[0]?.taskId === `cb-${task.id}` && back[1]?.taskId === later.sid;
    });
    expect([...rig.sim.engine.state.rings.values()].map((r) => r.target)).not.toContain(
      '+8562055512345',
    );

    // Offered again; this time she answers, and only then is the caller dialled, from the
    // hotline's number.
    const again = await client.nextOffer();
    expect(again).toMatchObject({ taskId: `cb-${task.id}`, kind: 'callback', channel: 'voice' });
    await client.socket.emitWithAck('call:accept', { offerId: again.offerId });
    const second = await ringOf(`client:${staff.id}`, 1);
    actOnRing(rig.sim.engine, second.id, 'answer');
    const dialled = await ringOf('+8562055512345');
    expect(dialled.from).toBe('+85621136200');
    await eventually(async () =>
      expect(await callbacksRepository(rig.stores.database.db).get(task.id)).toMatchObject({
        status: 'placed',
        takenBy: staff.id,
      }),
    );
    expect((await waiting('1362')).map((c) => c.taskId)).toEqual([later.sid]);
    rig.sim.engine.hangup(later);
    // The wallboard's figures: none waiting any more, and today's time to call back is known.
    expect((await callbackFigures()).find((c) => c.hotline === '1362')).toMatchObject({
      waiting: 0,
      averageTimeToCallbackS: expect.any(Number),
    });
  }, 60_000);

  it('holds a call-back outside the caller’s safe time: later callers are offered, the supervisor sees why', async () => {
    const { client } = await counsellorOf('1554');
    const caller = await queuedCall('1554', '+8562055512345');
    // 1 for a call-back, 3 "only from an hour", the hour two hours from now, 2 "another number",
    // the number keyed the local way.
    const from = hourFromNow(2);
    caller.script.digits.push('1', '3', String(from), '2', '02055599999');
    await eventually(() => caller.status === 'completed', 20_000);
    const said = heardPrompt(caller).map((p) => p.detail ?? '');
    const summaryAt = said.findIndex((d) => d.includes('/callback-summary.wav'));
    expect(said.slice(summaryAt + 1, summaryAt + 5).map((d) => d.split('/').at(-1))).toEqual([
      'digit-9.wav',
      'digit-9.wav',
      'digit-9.wav',
      'digit-9.wav',
    ]);
    expect(heardPrompt(caller, '/callback-only-from.wav')).toHaveLength(1);
    const task = await taskOf(caller.sid);
    expect(task.safeWindow).toEqual({ kind: 'from', hour: from });
    expect(task.callbackNumberEnc).not.toContain('99999');
    // The keyed number is nowhere in the call's history (it travelled as the dialog's last key).
    const events = await callsRepository(rig.stores.database.db).eventsOf(caller.sid);
    expect(events.map((e) => e.kind)).toContain('callback-key');
    expect(JSON.stringify(events)).not.toContain('99999');

    const later = await queuedCall('1554', '+8562055510003');
    const line = await waiting('1554');
    expect(line.map((c) => c.taskId)).toEqual([`cb-${task.id}`, later.sid]);
    expect(line[0]).toMatchObject({ state: 'held', heldWhy: 'not-yet', kind: 'callback' });

    await client.socket.emitWithAck('presence:set', { state: 'available' });
    const offer = await client.nextOffer();
    // Not the call-back at the front: it is outside the caller's safe time.
    expect(offer.taskId).toBe(later.sid);
    expect((await waiting('1554'))[0]).toMatchObject({ taskId: `cb-${task.id}`, state: 'held' });
    // Held, it still counts among the call-backs waiting; none placed yet today on this hotline.
    expect((await callbackFigures()).find((c) => c.hotline === '1554')).toEqual({
      hotline: '1554',
      waiting: 1,
      averageTimeToCallbackS: null,
    });
    rig.sim.engine.hangup(later);
  }, 60_000);

  it('holds a call-back whose caller’s safe time ended for the same safe hours the next day, and never dials before', async () => {
    const { staff, client } = await counsellorOf('1512');
    const caller = await queuedCall('1512', '+8562055512399');
    // 1 for a call-back, 2 "only until an hour", the hour two hours ahead, 1 "this number".
    const until = hourFromNow(2);
    caller.script.digits.push('1', '2', String(until), '1');
    await eventually(() => caller.status === 'completed', 20_000);
    const task = await taskOf(caller.sid);
    expect(task.safeWindow).toEqual({ kind: 'until', hour: until });
    const endedAt = task.safeUntil ?? new Date(0);

    // Nobody could call before that hour: the hotline's round after it (its clock a few minutes
    // past the end) holds it for the same hours tomorrow.
    const later = new Date(endedAt.getTime() + 5 * 60_000).getTime();
    const moved = await rollOverEndedSafeTimes(rig.app.services.callbacks, later);
    expect(moved).toBe(1);
    const tomorrowFrom = sameLocalTimeDaysLater(
      Math.ceil(task.createdAt.getTime() / 60_000) * 60_000,
      1,
      'Asia/Vientiane',
    );
    const row = await callbacksRepository(rig.stores.database.db).get(task.id);
    expect(row?.safeFrom?.getTime()).toBe(tomorrowFrom);
    expect(row?.safeUntil?.getTime()).toBe(endedAt.getTime() + 86_400_000);
    // A second round finds nothing more to move.
    expect(await rollOverEndedSafeTimes(rig.app.services.callbacks, later)).toBe(0);

    // Still at its place in line, held until tomorrow's safe time: the supervisor sees why.
    const [held] = await waiting('1512');
    expect(held).toMatchObject({
      taskId: `cb-${task.id}`,
      state: 'held',
      heldWhy: 'not-yet',
      safeFrom: tomorrowFrom,
    });
    // The counsellor's list says when it may be called: tomorrow's start.
    const cookie = await loginAs(rig.app, staff);
    const listed = await rig.app.inject({ url: '/api/staff/callbacks', headers: { cookie } });
    expect(listed.json().tasks).toContainEqual(
      expect.objectContaining({
        id: task.id,
        heldWhy: 'not-yet',
        safeFrom: new Date(tomorrowFrom).toISOString(),
        safeWindow: { kind: 'until', hour: until },
      }),
    );

    // A later caller is offered; the held call-back is not.
    const next = await queuedCall('1512', '+8562055510004');
    await client.socket.emitWithAck('presence:set', { state: 'available' });
    const offer = await client.nextOffer();
    expect(offer.taskId).toBe(next.sid);
    rig.sim.engine.hangup(next);

    // Taken by hand, it still cannot be dialled before tomorrow's safe time: she is told why,
    // and nobody is rung.
    const ringsBefore = rig.sim.engine.state.rings.size;
    const other = await loginAs(
      rig.app,
      await createStaff(rig.stores, { role: 'counsellor', hotlines: ['1512'], languages: ['lo'] }),
    );
    const take = await rig.app.inject({
      method: 'POST',
      url: `/api/staff/callbacks/${task.id}/take`,
      headers: { cookie: other },
    });
    expect(take.statusCode).toBe(200);
    const place = await rig.app.inject({
      method: 'POST',
      url: `/api/staff/callbacks/${task.id}/place`,
      headers: { cookie: other },
    });
    expect(place.statusCode).toBe(409);
    expect(place.json().error.code).toBe('CALLBACK_OUTSIDE_SAFE_TIME');
    expect(rig.sim.engine.state.rings.size).toBe(ringsBefore);
  }, 60_000);
});
