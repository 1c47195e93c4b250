import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHotline } from '../../fixtures/telephony.fixture';
import {
  eventually,
  heard,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { twilioShapes } from '../../fixtures/twilio-shapes.fixture';
import { toneWav } from '../../../src/simulator/verbs-record';

let rig: TTelephonyRig;
const { expectServed, expectOnlyAcceptedParams } = twilioShapes(() => rig);

beforeAll(async () => {
  rig = await startTelephonyRig({
    seed: ({ database }) => createHotline(database.db).then(() => {}),
  });
});
afterAll(async () => rig?.close());

describe("the simulator's REST API against Twilio's API description", () => {
  it('serves calls, queues, members, conferences, participants and messages in Twilio shapes', async () => {
    const account = `/2010-04-01/Accounts/${rig.stores.config.TWILIO_ACCOUNT_SID}`;
    const call = rig.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: ['1'] });
    await eventually(() => heard(call, 'enqueue').length > 0);

    const participant = await rig.app.telephony.addParticipant({
      conferenceName: 'case-shape',
      to: 'client:counsellor1',
      from: '+85621136200',
      label: 'counsellor',
    });
    const ring = await eventually(() =>
      [...rig.sim.engine.state.rings.values()].find((r) => r.callSid === participant.callSid),
    );
    await rig.sim.app.inject({ method: 'POST', url: `/sim/rings/${ring.id}/answer` });
    await eventually(() =>
      [...rig.sim.engine.state.conferences.values()].some((c) => c.status === 'in-progress'),
    );
    await rig.app.telephony.sendSms({ to: '+8562055512345', from: '+85621136200', body: 'test' });

    const queues = await expectServed('GET', `${account}/Queues.json`, 200);
    const queueSid = (queues as { queues: Array<{ sid: string }> }).queues[0]?.sid as string;
    const conferenceSid = [...rig.sim.engine.state.conferences.values()][0]?.sid as string;

    for (const path of [
      `${account}/Calls.json`,
      `${account}/Calls/${call.sid}.json`,
      `${account}/Queues/${queueSid}.json`,
      `${account}/Queues/${queueSid}/Members.json`,
      `${account}/Queues/${queueSid}/Members/${call.sid}.json`,
      `${account}/Conferences.json`,
      `${account}/Conferences/${conferenceSid}.json`,
      `${account}/Conferences/${conferenceSid}/Participants.json`,
      `${account}/Conferences/${conferenceSid}/Participants/${participant.callSid}.json`,
      `${account}/Messages.json`,
    ])
      await expectServed('GET', path, 200);
    await expectServed('POST', `${account}/Calls.json`, 201, {
      To: '+8562055500000',
      From: '+85621136200',
      Url: `${rig.baseUrl}/webhooks/twilio/voice/incoming?hotline=1362`,
    });
    rig.sim.engine.hangup(call);
  });

  it('serves a <Record> recording as the Recording resource, and its media as WAV', async () => {
    const account = `/2010-04-01/Accounts/${rig.stores.config.TWILIO_ACCOUNT_SID}`;
    const audio = toneWav(1);
    const sid = `RE${'ab'.repeat(16)}`;
    rig.sim.engine.state.recordings.set(sid, {
      sid,
      callSid: `CA${'cd'.repeat(16)}`,
      duration: 1,
      createdAt: new Date(),
      status: 'completed',
      audio,
    });
    await expectServed('GET', `${account}/Recordings/${sid}.json`, 200);
    const { TWILIO_ACCOUNT_SID: user, TWILIO_AUTH_TOKEN: token } = rig.stores.config;
    const media = await rig.sim.app.inject({
      url: `${account}/Recordings/${sid}.wav`,
      headers: { authorization: `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}` },
    });
    expect(media.headers['content-type']).toBe('audio/x-wav');
    expect(media.rawPayload.equals(audio)).toBe(true);
    expect((await rig.sim.app.inject({ url: `${account}/Recordings/${sid}.wav` })).statusCode).toBe(
      401,
    );
  });

  it("the server's twilio client sends only parameters Twilio's API accepts", async () => {
    const call = rig.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: ['1'] });
    await eventually(() => heard(call, 'enqueue').length > 0);
    const { telephony } = rig.app;
    await telephony.listQueueMembers({ queueName: 'hotline-1362' });
    await telephony.dequeueToUrl({
      queueName: 'hotline-1362',
      callSid: call.sid,
      url: `${rig.baseUrl}/webhooks/twilio/voice/requeue?hotline=1362&lang=lo`,
    });
    await eventually(() => heard(call, 'left-queue', 'redirected').length > 0);
    await telephony.redirectCall({
      callSid: call.sid,
      url: `${rig.baseUrl}/webhooks/twilio/voice/requeue?hotline=1362&lang=lo`,
    });
    const leg = await telephony.addParticipant({
      conferenceName: 'case-params',
      to: 'client:counsellor2',
      from: '+85621136200',
      muted: false,
      endConferenceOnExit: true,
    });
    const ring = await eventually(() =>
      [...rig.sim.engine.state.rings.values()].find((r) => r.callSid === leg.callSid),
    );
    await rig.sim.app.inject({ method: 'POST', url: `/sim/rings/${ring.id}/answer` });
    await eventually(() =>
      [...rig.sim.engine.state.conferences.values()].some(
        (c) => c.friendlyName === 'case-params' && c.status === 'in-progress',
      ),
    );
    await telephony.updateParticipant({
      conferenceName: 'case-params',
      callSid: leg.callSid,
      hold: true,
    });
    await telephony.removeParticipant({ conferenceName: 'case-params', callSid: leg.callSid });
    const callback = await telephony.createCall({
      to: '+8562055512345',
      from: '+85621136200',
      url: `${rig.baseUrl}/webhooks/twilio/voice/incoming?hotline=1362`,
      statusCallback: `${rig.baseUrl}/webhooks/twilio/voice/status?hotline=1362`,
      timeoutSeconds: 20,
    });
    await telephony.hangupCall({ callSid: callback.callSid });
    await telephony.hangupCall({ callSid: call.sid });

    const requests = rig.sim.engine.state.requests.filter((r) => r.method === 'POST');
    expect(requests.length).toBeGreaterThanOrEqual(7);
    expectOnlyAcceptedParams(requests);
  });
});
