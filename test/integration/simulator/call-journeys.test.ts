import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHotline, closedAllWeek } from '../../fixtures/telephony.fixture';
import { bridgeToSoftphone } from '../../fixtures/simulator.fixture';
import {
  eventually,
  heard,
  heardPrompt,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { blocklistRepository } from '../../../src/modules/blocklist/blocklist.repository';
import { phoneHash } from '../../../src/modules/crypto/phone-hash';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';

let rig: TTelephonyRig;
const CALLER = '+8562055512345';

beforeAll(async () => {
  rig = await startTelephonyRig({
    plugins: [bridgeToSoftphone('counsellor1')],
    seed: async ({ database }) => {
      await createHotline(database.db, { number: '1362', languages: ['lo', 'en'] });
      await createHotline(database.db, {
        number: '1554',
        phoneNumber: '+85621155400',
        openingHours: closedAllWeek,
        afterHours: 'voicemail',
        dutyMobile: null,
      });
      await createHotline(database.db, {
        number: '1512',
        phoneNumber: '+85621151200',
        openingHours: closedAllWeek,
        afterHours: 'forward',
        dutyMobile: '+8562099901512',
      });
    },
  });
});
afterAll(async () => rig?.close());

const calls = () => callsRepository(rig.stores.database.db);
const queue = () => waitingQueue(rig.stores.redis, rig.stores.config.REDIS_PREFIX);
const lifecycleOf = (callSid: string) =>
  rig.lifecycle.filter((e) => (e.payload as { callSid: string }).callSid === callSid);

describe('a call through the simulator', () => {
  it('picks a language, waits with position announcements, and is recorded as abandoned on hang-up', async () => {
    const call = rig.sim.placeCall({ hotline: '1362', from: CALLER, digits: ['2'] });
    await eventually(() => heard(call, 'request', '/voice/wait').length >= 2);
    expect(await queue().position(call.sid, '1362')).toBe(1);
    expect(heardPrompt(call, '/prompts/1362/en/position.wav').length).toBeGreaterThan(0);
    expect(heardPrompt(call, '/prompts/1362/en/digit-1.wav').length).toBeGreaterThan(0);

    rig.sim.engine.hangup(call);
    const row = await eventually(async () => {
      const r = await calls().findCall(call.sid);
      return r?.status === 'completed' && r.queueResult ? r : undefined;
    });
    expect(row.language).toBe('en');
    expect(row.queueResult).toBe('hangup');
    expect(await queue().position(call.sid, '1362')).toBeNull();
    const events = lifecycleOf(call.sid).map((e) => e.event);
    expect(events).toContain('caller.queued');
    expect(lifecycleOf(call.sid)).toContainEqual({
      event: 'caller.left-queue',
      payload: { callSid: call.sid, hotline: '1362', result: 'hangup' },
    });
    expect(rig.logs.text()).not.toContain('2055512345');
  });

  it('uses the default language after 9 and two silent menus', async () => {
    const call = rig.sim.placeCall({ hotline: '1362', from: CALLER, digits: ['9'] });
    await eventually(() => heard(call, 'enqueue').length > 0);
    expect(heard(call, 'no-input').length).toBeGreaterThanOrEqual(2);
    expect((await calls().findCall(call.sid))?.language).toBe('lo');
    rig.sim.engine.hangup(call);
    await eventually(() => call.status === 'completed');
  });

  it('is dequeued by the server through the twilio client to a softphone the console answers', async () => {
    const call = rig.sim.placeCall({ hotline: '1362', from: CALLER, digits: ['1'] });
    await eventually(() => heard(call, 'enqueue').length > 0);
    await rig.app.telephony.dequeueToUrl({
      queueName: 'hotline-1362',
      callSid: call.sid,
      url: `${rig.baseUrl}/test/bridge`,
    });
    const ring = await eventually(() =>
      [...rig.sim.engine.state.rings.values()].find((r) => r.parentCallSid === call.sid),
    );
    expect(ring.target).toBe('client:counsellor1');
    await rig.sim.app.inject({ method: 'POST', url: `/sim/rings/${ring.id}/answer` });
    await eventually(() => heard(call, 'bridged').length > 0);
    await rig.sim.app.inject({ method: 'POST', url: `/sim/rings/${ring.id}/hangup` });
    const row = await eventually(async () => {
      const r = await calls().findCall(call.sid);
      return r?.status === 'completed' ? r : undefined;
    });
    expect(row.queueResult).toBe('redirected');
    expect(lifecycleOf(call.sid)).toContainEqual({
      event: 'caller.left-queue',
      payload: { callSid: call.sid, hotline: '1362', result: 'redirected' },
    });
  });
});

describe('calls that do not reach the queue', () => {
  it('after hours with voicemail: the caller leaves a message and it is linked to the call', async () => {
    const call = rig.sim.placeCall({ hotline: '1554', from: CALLER });
    await eventually(() => call.status === 'completed');
    expect(heardPrompt(call, '/prompts/1554/lo/after-hours-voicemail.wav')).toHaveLength(1);
    expect(heard(call, 'record')).toHaveLength(1);
    expect(heard(call, 'gather')).toHaveLength(0);
    const row = await eventually(async () => {
      const r = await calls().findCall(call.sid);
      return r?.voicemailUrl ? r : undefined;
    });
    expect(row.route).toBe('after-hours-voicemail');
    expect(await queue().position(call.sid, '1554')).toBeNull();
  });

  it('after hours with forwarding: the duty mobile rings and, unanswered, voicemail follows', async () => {
    const call = rig.sim.placeCall({ hotline: '1512', from: CALLER });
    const ring = await eventually(() =>
      [...rig.sim.engine.state.rings.values()].find((r) => r.parentCallSid === call.sid),
    );
    expect(ring.target).toBe('+8562099901512');
    await rig.sim.app.inject({ method: 'POST', url: `/sim/rings/${ring.id}/reject` });
    await eventually(() => heard(call, 'record').length > 0);
    rig.sim.engine.hangup(call);
    expect((await calls().findCall(call.sid))?.route).toBe('after-hours-forward');
  });

  it('a blocked caller hears a neutral message and is not queued', async () => {
    const blocked = '+8562077700000';
    const keyring = keyringFromConfig(rig.stores.config);
    await blocklistRepository(rig.stores.database.db).block({
      phoneHash: phoneHash(keyring, blocked),
      reason: 'abusive calls',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const call = rig.sim.placeCall({ hotline: '1362', from: blocked, digits: ['1'] });
    await eventually(() => call.status === 'completed');
    expect(heardPrompt(call).map((p) => p.detail)).toEqual([
      expect.stringContaining('/prompts/1362/lo/blocked.wav'),
    ]);
    expect(heard(call, 'enqueue')).toHaveLength(0);
    expect((await calls().findCall(call.sid))?.route).toBe('blocked');
  });

  it('an expired block no longer applies', async () => {
    const caller = '+8562077711111';
    await blocklistRepository(rig.stores.database.db).block({
      phoneHash: phoneHash(keyringFromConfig(rig.stores.config), caller),
      reason: 'abusive calls',
      expiresAt: new Date(Date.now() - 1000),
    });
    const call = rig.sim.placeCall({ hotline: '1362', from: caller, digits: ['1'] });
    await eventually(() => heard(call, 'enqueue').length > 0);
    rig.sim.engine.hangup(call);
  });
});

describe('call-back request from the queue', () => {
  it('pressing 1 while waiting records the request, leaves the queue and says goodbye', async () => {
    // Language 1, then 1 for a call-back, 1 "any time", 1 "this number".
    const call = rig.sim.placeCall({ hotline: '1362', from: CALLER, digits: ['1', '1', '1', '1'] });
    await eventually(() => call.status === 'completed');
    expect(heardPrompt(call, 'callback-confirmed.wav')).toHaveLength(1);
    expect(heard(call, 'left-queue', 'leave')).toHaveLength(1);
    const row = await eventually(async () => {
      const r = await calls().findCall(call.sid);
      return r?.queueResult ? r : undefined;
    });
    expect(row.callbackRequested).toBe(true);
    expect(row.queueResult).toBe('leave');
    expect(lifecycleOf(call.sid).map((e) => e.event)).toEqual(
      // The call-back took over the caller's place in line: the caller never left it empty.
      expect.arrayContaining(['caller.queued', 'callback.requested']),
    );
    expect(await queue().position(call.sid, '1362')).toBeNull();
  });
});

describe('status callbacks delivered twice and out of order', () => {
  it('keep every raw event but move the call state once, to the terminal state', async () => {
    const call = rig.sim.placeCall({
      hotline: '1362',
      from: CALLER,
      digits: ['1'],
      statusCallbacks: { duplicate: true, outOfOrder: true },
    });
    await eventually(() => heard(call, 'enqueue').length > 0);
    rig.sim.engine.hangup(call);
    const statusEvents = await eventually(async () => {
      const events = (await calls().eventsOf(call.sid)).filter((e) => e.kind === 'status');
      return events.length === 6 ? events : undefined;
    });
    expect(statusEvents.map((e) => e.sequenceNumber)).toEqual([2, 2, 1, 1, 0, 0]);
    expect((await calls().findCall(call.sid))?.status).toBe('completed');
    const moves = lifecycleOf(call.sid).filter((e) => e.event === 'call.status');
    expect(moves).toEqual([
      { event: 'call.status', payload: { callSid: call.sid, status: 'completed' } },
    ]);
  });
});
