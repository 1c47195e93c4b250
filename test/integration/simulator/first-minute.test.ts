import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHotline } from '../../fixtures/telephony.fixture';
import {
  eventually,
  heard,
  heardPrompt,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { hotlineTallies } from '../../../src/modules/routing/figures.repository';
import { startOfDayVientiane } from '../../../src/modules/routing/figures.service';
import { callbacksRepository } from '../../../src/modules/callbacks/callbacks.repository';
import { computeOperations } from '../../../src/modules/reports/operations.repository';
import { twilioCallbackUrls } from '../../../src/modules/telephony/callback-urls';

/*
 * The caller's first minute, through the simulator. Time is the call's own clock (`heard`):
 * seconds of prompts, pauses and gather time-outs the caller sits through, at 2 s a prompt (the
 * simulator's default for a recorded prompt), whatever the machine's speed.
 */
let rig: TTelephonyRig;
const CALLER = '+8562055512345';

beforeAll(async () => {
  rig = await startTelephonyRig({
    msPerSecond: 20,
    playSeconds: 2,
    seed: async ({ database }) => {
      await createHotline(database.db, { number: '1362', languages: ['lo', 'hmn', 'en'] });
      await createHotline(database.db, {
        number: '1554',
        phoneNumber: '+85621155400',
        languages: ['lo'],
        afterCallQuestion: true,
      });
    },
  });
});
afterAll(async () => rig?.close());

const calls = () => callsRepository(rig.stores.database.db);
const queuedRow = (sid: string) =>
  eventually(async () => {
    const row = await calls().findCall(sid);
    return row?.enqueuedAt ? row : undefined;
  });

describe("the caller's first minute", () => {
  it('queues a caller who stays on the line in the main language within 6 s, without the menu', async () => {
    const call = rig.sim.placeCall({ hotline: '1362', from: CALLER, digits: [] });
    await eventually(() => heard(call, 'enqueue').length > 0);
    const [answer] = call.transcript;
    const [queued] = heard(call, 'request', '/voice/language');
    const seconds = (queued?.heard ?? Infinity) - (answer?.heard ?? 0);
    console.log(`main-language caller queued after ${seconds} s of prompts and silence`);
    expect(seconds).toBeLessThanOrEqual(6);
    expect(heardPrompt(call, '/prompts/1362/lo/welcome.wav')).toHaveLength(1);
    expect(heardPrompt(call, '/prompts/1362/lo/other-language.wav')).toHaveLength(1);
    // Nobody heard the seven-language menu.
    expect(heardPrompt(call, '/lang-')).toHaveLength(0);
    expect((await queuedRow(call.sid)).language).toBe('lo');
    rig.sim.engine.hangup(call);
    await eventually(() => call.status === 'completed');
  });

  it('opens the menu on 9 and routes the caller in the language picked there (Hmong)', async () => {
    const call = rig.sim.placeCall({ hotline: '1362', from: CALLER, digits: ['9', '2'] });
    await eventually(() => heard(call, 'enqueue').length > 0);
    expect(heardPrompt(call, '/prompts/1362/hmn/lang-hmn.wav')).toHaveLength(1);
    expect((await queuedRow(call.sid)).language).toBe('hmn');
    rig.sim.engine.hangup(call);
    await eventually(() => call.status === 'completed');
  });

  it('counts a caller who hangs up in the menu on the wallboard, in the report and the missed calls', async () => {
    const since = startOfDayVientiane(new Date());
    const before = await hotlineTallies(rig.stores.database.sql, since, ['1362']);
    const call = rig.sim.placeCall({ hotline: '1362', from: CALLER, digits: ['9'] });
    await eventually(() => heardPrompt(call, '/lang-en.wav').length > 0);
    rig.sim.engine.hangup(call);
    const row = await eventually(async () => {
      const r = await calls().findCall(call.sid);
      return r?.status === 'completed' ? r : undefined;
    });
    expect(row.enqueuedAt).toBeNull();

    const after = await hotlineTallies(rig.stores.database.sql, since, ['1362']);
    expect((after[0]?.leftInMenu ?? 0) - (before[0]?.leftInMenu ?? 0)).toBe(1);

    const missed = await callbacksRepository(rig.stores.database.db).missedCalls(['1362'], since);
    expect(missed.find((m) => m.callSid === call.sid)).toMatchObject({
      leftIn: 'menu',
      hotline: '1362',
    });

    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const report = await computeOperations(
      rig.stores.database.sql,
      { from: today, to: today },
      { hotlines: ['1362'], provinceCode: null },
    );
    expect(report.byHotline.find((g) => g.key === '1362')?.leftInMenu).toBeGreaterThanOrEqual(1);
  });

  it('asks the after-call question where the hotline has it, and keeps the answer', async () => {
    const call = rig.sim.placeCall({ hotline: '1554', from: CALLER, digits: [] });
    await queuedRow(call.sid);
    // The counsellor hangs up: the server sends the caller to the question (as call:hangup does).
    call.script.digits.push('1');
    await rig.app.telephony.redirectCall({
      callSid: call.sid,
      url: twilioCallbackUrls(rig.baseUrl).afterCall({ hotline: '1554', language: 'lo' }),
    });
    const row = await eventually(async () => {
      const r = await calls().findCall(call.sid);
      return r?.afterCallAnswer ? r : undefined;
    });
    expect(row.afterCallAnswer).toBe('yes');
    expect(heardPrompt(call, '/prompts/1554/lo/after-call-question.wav')).toHaveLength(1);
    await eventually(() => heardPrompt(call, '/prompts/1554/lo/goodbye.wav').length > 0);

    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const report = await computeOperations(
      rig.stores.database.sql,
      { from: today, to: today },
      { hotlines: ['1554'], provinceCode: null },
    );
    expect(report.byHotline.find((g) => g.key === '1554')).toMatchObject({
      afterCallAsked: 1,
      afterCallYes: 1,
      afterCallNo: 0,
    });
  });
});
