import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, promptVersions, recordingPins } from '../../../db/schema/index';
import { recordingLineUrls } from '../../../src/modules/voice/recording-line/recording-line.twiml';
import {
  eventually,
  heard,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';

/*
 * The prompts' recording line, through the simulator: an administrator calls the line's number,
 * keys her PIN, hears which prompt and language to record, records it with <Record>, listens
 * back, records again, keeps it; the take (fetched from "Twilio" and made telephone WAV) waits
 * for approval as a browser recording does, and once approved the next call plays it. Wrong
 * PINs are refused, audited, and counted per caller number.
 */
let rig: TTelephonyRig;
let admin: string;
const LINE = '+85621000999';
const PIN = '284617';

/** A PCM WAV as a phone or a sound card might make it: any rate, one or two channels. */
function wav(seconds: number, rate: number, channels: number, hz: number): Buffer {
  const frames = Math.round(seconds * rate);
  const out = Buffer.alloc(44 + frames * channels * 2);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + frames * channels * 2, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(channels, 22);
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * channels * 2, 28);
  out.writeUInt16LE(channels * 2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(frames * channels * 2, 40);
  for (let i = 0; i < frames; i++)
    for (let c = 0; c < channels; c++)
      out.writeInt16LE(
        Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 9000),
        44 + (i * channels + c) * 2,
      );
  return out;
}

beforeAll(async () => {
  rig = await startTelephonyRig({
    msPerSecond: 4,
    seed: async ({ database }) => {
      await createHotline(database.db, { number: '1362', languages: ['lo', 'en'] });
    },
  });
  admin = await loginAs(
    rig.app,
    await createStaff(rig.stores, { role: 'administrator', hotlines: ['1362'] }),
  );
}, 60_000);
afterAll(async () => rig?.close());

const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  rig.app.inject({
    method,
    url: `/api/staff${url}`,
    headers: { cookie: admin },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const callLine = (from: string, digits: string[], recordings: Buffer[] = []) =>
  rig.sim.callNumber({
    from,
    to: LINE,
    voiceUrl: recordingLineUrls(rig.baseUrl).entry,
    digits,
    recordings,
  });

const said = (call: Parameters<typeof heard>[0]) =>
  heard(call, 'say')
    .map((s) => s.detail ?? '')
    .join(' | ');

const auditOf = (action: string) =>
  rig.stores.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action as typeof auditLog.$inferSelect.action));

const versionsOf = (prompt: string) =>
  rig.stores.database.db
    .select()
    .from(promptVersions)
    .where(and(eq(promptVersions.hotline, '1362'), eq(promptVersions.prompt, prompt)));

describe('the prompts’ recording line', () => {
  it('is set up by an administrator: a number for a hotline, and her own PIN (not a simple one)', async () => {
    expect((await api('PUT', '/me/recording-pin', { pin: '111111' })).json().error.code).toBe(
      'PIN_TOO_SIMPLE',
    );
    expect((await api('PUT', '/me/recording-pin', { pin: '12ab' })).statusCode).toBe(422);
    expect((await api('PUT', '/me/recording-pin', { pin: PIN })).statusCode).toBe(204);
    const line = await api('POST', '/recording-lines', { phoneNumber: LINE, hotline: '1362' });
    expect(line.statusCode).toBe(201);
    expect((await api('GET', '/recording-lines')).json().lines).toEqual([
      { id: line.json().id, phoneNumber: LINE, hotline: '1362' },
    ]);
    expect(
      (await api('POST', '/recording-lines', { phoneNumber: LINE, hotline: null })).statusCode,
    ).toBe(409);
    expect(await auditOf('recording_line.pin_set')).toHaveLength(1);
    expect(JSON.stringify(await auditOf('recording_line.pin_set'))).not.toContain(PIN);
    expect(await auditOf('recording_line.changed')).toHaveLength(1);
  });

  it('refuses wrong PINs: three in a call hang up; five from a number shut it out', async () => {
    const stranger = '+8562055500001';
    const call = callLine(stranger, ['000000', '999999', '123123']);
    await eventually(() => call.status === 'completed', 20_000);
    expect(said(call)).toContain('The PIN was not accepted. Goodbye.');
    expect(heard(call, 'record')).toHaveLength(0);
    expect(await auditOf('recording_line.pin_refused')).toMatchObject([
      { data: { reason: 'wrong-pin', tries: 3 } },
    ]);

    // Two more wrong from the same number: the line stops asking that number, even the right PIN.
    const again = callLine(stranger, ['555555', '777777']);
    await eventually(() => again.status === 'completed', 20_000);
    expect(said(again)).toContain('Too many wrong PINs');
    const shut = callLine(stranger, [PIN]);
    await eventually(() => shut.status === 'completed', 20_000);
    expect(heard(shut, 'digits')).toHaveLength(0);
    expect(said(shut)).toContain('Too many wrong PINs');
    expect(heard(shut, 'record')).toHaveLength(0);
    expect(await versionsOf('welcome')).toHaveLength(0);
  }, 60_000);

  it('walks her through the missing prompts: record, listen back, again, keep → awaiting approval; approved, the next call plays it', async () => {
    const firstTake = wav(1, 8000, 1, 300);
    // A take as a sound card makes it (44.1 kHz stereo): kept as telephone WAV.
    const secondTake = wav(2, 44_100, 2, 500);
    const call = callLine('+8562055577777', [PIN, '2', '1'], [firstTake, secondTake]);
    const [version] = await eventually(async () => {
      const rows = await versionsOf('welcome');
      return rows.length ? rows : undefined;
    }, 30_000);
    // On to the next prompt: a third take begins; she hangs up there.
    await eventually(() => heard(call, 'record').length === 3, 20_000);
    rig.sim.engine.hangup(call);

    // Told which prompt and in which language, before each take; heard each take back.
    expect(said(call)).toContain('Prompt: welcome, in Lao.');
    expect(heard(call, 'record')).toHaveLength(3);
    const recorded = heard(call, 'recorded').map((r) => r.detail ?? '');
    expect(heard(call, 'play').map((p) => p.detail)).toEqual(
      expect.arrayContaining(recorded.slice(0, 2).map((sid) => expect.stringContaining(sid))),
    );
    expect(said(call)).toContain('Kept. It waits for approval');
    // Next in line after the kept one: the hotline's "blocked" message.
    expect(said(call)).toContain('Prompt: blocked, in Lao.');

    // The second take, as telephone WAV (8 kHz mono 16-bit, same length), awaiting approval.
    expect(version).toMatchObject({ source: 'recorded', approvedAt: null, version: 1 });
    const audio = version?.audio ?? Buffer.alloc(0);
    expect([audio.readUInt16LE(22), audio.readUInt32LE(24), audio.readUInt16LE(34)]).toEqual([
      1, 8000, 16,
    ]);
    expect(audio.readUInt32LE(40)).toBe(2 * 8000 * 2);
    const listed = await api('GET', '/hotlines/1362/prompts/lo/welcome/versions');
    expect(listed.json().versions).toMatchObject([{ version: 1, approvedAt: null, live: false }]);
    expect(await auditOf('recording_line.signed_in')).toHaveLength(1);
    expect(await auditOf('prompt.recorded_by_phone')).toMatchObject([
      { data: { prompt: 'welcome', language: 'lo', version: 1 } },
    ]);

    // Still a draft: a caller hears the placeholder, said as one, not the take.
    const before = rig.sim.placeCall({ hotline: '1362', from: '+8562055512340', digits: [] });
    await eventually(() => heard(before, 'say').length > 0);
    rig.sim.engine.hangup(before);
    expect(heard(before, 'say')[0]?.detail).toBe('[en-US] Placeholder prompt: welcome.');
    expect(heard(before, 'play', '/welcome.wav')).toHaveLength(0);

    // Approved in the administration screen: the next simulated call plays it.
    expect(
      (await api('POST', '/hotlines/1362/prompts/lo/welcome/versions/1/approve')).statusCode,
    ).toBe(204);
    const caller = rig.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: [] });
    const welcome = await eventually(
      () => heard(caller, 'play', '/prompts/1362/lo/welcome.wav')[0],
    );
    rig.sim.engine.hangup(caller);
    const served = await fetch(welcome.detail ?? '');
    expect(Buffer.from(await served.arrayBuffer()).equals(audio)).toBe(true);

    // Called again, she is not asked for "welcome" (recorded) any more.
    const later = callLine('+8562055577777', [PIN]);
    await eventually(() => heard(later, 'record').length > 0, 20_000);
    rig.sim.engine.hangup(later);
    expect(said(later)).not.toContain('Prompt: welcome,');
    expect(said(later)).toContain('Prompt: blocked, in Lao.');
  }, 90_000);

  it('makes up a PIN shown in that one answer: kept only as a hash, audited, never read back', async () => {
    const other = await createStaff(rig.stores, { role: 'administrator', hotlines: ['1362'] });
    const made = await api('POST', `/users/${other.id}/recording-pin/new`);
    expect(made.statusCode).toBe(201);
    expect(made.headers['cache-control']).toBe('no-store');
    const pin = (made.json() as { pin: string }).pin;
    expect(pin).toMatch(/^\d{8}$/);

    const listed = await api('GET', '/recording-pins');
    expect(listed.json().recorders).toContainEqual(
      expect.objectContaining({ userId: other.id, pinSetAt: expect.any(String) }),
    );
    expect(listed.body).not.toContain(pin);
    const [stored] = await rig.stores.database.db
      .select()
      .from(recordingPins)
      .where(eq(recordingPins.userId, other.id));
    expect(stored?.pinHash).toMatch(/^\$argon2/);
    expect(stored?.pinHash).not.toContain(pin);
    const audited = (await auditOf('recording_line.pin_set')).filter(
      (a) => a.entityId === other.id,
    );
    expect(audited).toMatchObject([{ data: { by: 'administrator', generated: true } }]);
    expect(JSON.stringify(audited)).not.toContain(pin);

    // A new one replaces it: the first no longer opens the line.
    const again = (await api('POST', `/users/${other.id}/recording-pin/new`)).json() as {
      pin: string;
    };
    expect(again.pin).not.toBe(pin);
    const counsellor = await loginAs(
      rig.app,
      await createStaff(rig.stores, { role: 'counsellor', hotlines: ['1362'] }),
    );
    const refused = await rig.app.inject({
      method: 'POST',
      url: `/api/staff/users/${other.id}/recording-pin/new`,
      headers: { cookie: counsellor },
    });
    expect(refused.statusCode).toBe(403);
  });
});
