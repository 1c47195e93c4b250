import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { connectCounsellor } from '../../fixtures/counsellor-client';
import {
  eventually,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import { softphoneProvider } from '../../../src/routes/api/staff/softphone.provider';

let rig: TTelephonyRig;
beforeAll(async () => {
  rig = await startTelephonyRig({
    // 50 ms per simulated second: prompts are quick, a ring still waits a few real seconds.
    msPerSecond: 50,
    overrides: { ROUTING_WRAP_UP_MS: '0', ROUTING_SWEEP_MS: '100' },
    seed: async ({ database }) => {
      await createHotline(database.db, { number: '1362', languages: ['lo', 'en'] });
    },
  });
}, 60_000);
afterAll(async () => rig?.close());

const staffApi = (cookie: string) => ({
  get: (url: string) => rig.app.inject({ method: 'GET', url, headers: { cookie } }),
  post: (url: string) => rig.app.inject({ method: 'POST', url, headers: { cookie } }),
});

describe('the console softphone in simulator mode', () => {
  it('answers the counsellor leg after accept, so the caller is bridged to the counsellor', async () => {
    const staff = await createStaff(rig.stores, { role: 'counsellor' });
    const cookie = await loginAs(rig.app, staff);
    const api = staffApi(cookie);
    expect((await api.get('/api/staff/softphone')).json()).toEqual({ mode: 'simulator' });

    const client = await connectCounsellor({ url: rig.baseUrl, cookie, origin: rig.baseUrl });
    try {
      await client.socket.emitWithAck('presence:set', { state: 'available' });
      const call = rig.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: ['1'] });
      const offer = await client.nextOffer(20_000);
      const accepted = await client.socket.emitWithAck('call:accept', { offerId: offer.offerId });
      expect(accepted).toEqual({ data: { taskId: call.sid } });

      // What the browser's simulator softphone does: poll its own rings, answer the first.
      const rings = await eventually(async () => {
        const list = (await api.get('/api/staff/softphone/rings')).json() as Array<{ id: string }>;
        return list.length > 0 ? list : undefined;
      });
      const answered = await api.post(`/api/staff/softphone/rings/${rings[0]?.id}/answer`);
      expect(answered.statusCode).toBe(204);

      const conference = await eventually(() =>
        [...rig.sim.engine.state.conferences.values()].find(
          (c) => c.friendlyName === `call-${call.sid}` && c.participants.size === 2,
        ),
      );
      expect([...conference.participants.values()].map((p) => p.label).sort()).toContain(
        'counsellor',
      );
      expect(conference.participants.has(call.sid)).toBe(true);
    } finally {
      client.close();
    }
  }, 60_000);

  it("cannot answer or hang up another counsellor's leg", async () => {
    const staff = await createStaff(rig.stores, { role: 'counsellor' });
    const api = staffApi(await loginAs(rig.app, staff));
    const other = await createStaff(rig.stores, { role: 'counsellor' });
    const call = rig.sim.placeCall({ hotline: '1362', from: '+8562055599999', digits: ['1'] });
    await rig.app.telephony.addParticipant({
      conferenceName: `call-${call.sid}`,
      to: `client:${other.id}`,
      from: '+85621136200',
    });
    const ring = await eventually(() =>
      [...rig.sim.engine.state.rings.values()].find((r) => r.target === `client:${other.id}`),
    );
    expect((await api.get('/api/staff/softphone/rings')).json()).toEqual([]);
    expect((await api.post(`/api/staff/softphone/rings/${ring.id}/answer`)).statusCode).toBe(404);
    expect((await api.post(`/api/staff/softphone/rings/${ring.id}/hangup`)).statusCode).toBe(404);
    expect(ring.state).toBe('ringing');
    rig.sim.engine.hangup(call);
  }, 30_000);

  it('is refused to roles without call control', async () => {
    const statistician = await createStaff(rig.stores, { role: 'statistician' });
    const api = staffApi(await loginAs(rig.app, statistician));
    expect((await api.get('/api/staff/softphone')).statusCode).toBe(403);
  });
});

describe('the console softphone with real Twilio', () => {
  const base = {
    TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
    TWILIO_API_BASE_URL: undefined,
    TWILIO_TOKEN_TTL_SECONDS: 600,
  };

  it('hands out a Voice SDK token for the staff id that may only receive calls', () => {
    const secret = 'a-secret-of-at-least-16';
    const setup = softphoneProvider({
      ...base,
      TWILIO_API_KEY_SID: `SK${'2'.repeat(32)}`,
      TWILIO_API_KEY_SECRET: secret,
    }).setup('staff-42');
    if (setup.mode !== 'twilio') throw new Error(`expected a token, got ${setup.mode}`);
    const [, payload] = setup.token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as {
      iss: string;
      sub: string;
      exp: number;
      iat: number;
      grants: { identity: string; voice: { incoming: { allow: boolean }; outgoing?: unknown } };
    };
    expect(claims.iss).toBe(`SK${'2'.repeat(32)}`);
    expect(claims.sub).toBe(base.TWILIO_ACCOUNT_SID);
    expect(claims.exp - claims.iat).toBe(600);
    expect(claims.grants.identity).toBe('staff-42');
    expect(claims.grants.voice).toEqual({ incoming: { allow: true } });
    // Signed with the API key secret (HS256): Twilio can verify it, nobody else can forge it.
    const [header, body, signature] = setup.token.split('.');
    expect(createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url')).toBe(
      signature,
    );
  });

  it('offers no softphone without an API key, and refuses half a key at boot', () => {
    expect(
      softphoneProvider({
        ...base,
        TWILIO_API_KEY_SID: undefined,
        TWILIO_API_KEY_SECRET: undefined,
      }).setup('x'),
    ).toEqual({ mode: 'none' });
    expect(() =>
      softphoneProvider({
        ...base,
        TWILIO_API_KEY_SID: `SK${'2'.repeat(32)}`,
        TWILIO_API_KEY_SECRET: undefined,
      }),
    ).toThrow(/TWILIO_API_KEY_SECRET is required/);
  });
});
