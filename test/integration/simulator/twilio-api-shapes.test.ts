import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHotline } from '../../fixtures/telephony.fixture';
import {
  eventually,
  heard,
  startTelephonyRig,
  type TTelephonyRig,
} from '../../fixtures/simulator.fixture';
import {
  findOperation,
  loadTwilioSpec,
  requestParams,
  responseSchema,
  schemaProblems,
} from '../../fixtures/twilio-oai.fixture';
import { toneWav } from '../../../src/simulator/verbs-record';

const spec = loadTwilioSpec();
let rig: TTelephonyRig;

beforeAll(async () => {
  rig = await startTelephonyRig({
    seed: ({ database }) => createHotline(database.db).then(() => {}),
  });
});
afterAll(async () => rig?.close());

async function rest(method: 'GET' | 'POST', path: string, form?: Record<string, string>) {
  const { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token } = rig.stores.config;
  const response = await rig.sim.app.inject({
    method,
    url: path,
    headers: {
      authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`,
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
  });
  return { status: response.statusCode, body: response.json() as unknown };
}

function expectTwilioShape(method: string, path: string, status: number, body: unknown) {
  const found = findOperation(spec, method, path);
  expect(found, `${method} ${path} is in Twilio's API`).not.toBeNull();
  const schema = found && responseSchema(found.op, status);
  expect(schema, `${method} ${found?.template} answers ${status}`).not.toBeNull();
  expect(schemaProblems(spec, schema ?? {}, body)).toEqual([]);
}

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

    const queues = await rest('GET', `${account}/Queues.json`);
    expectTwilioShape('GET', `${account}/Queues.json`, 200, queues.body);
    const queueSid = (queues.body as { queues: Array<{ sid: string }> }).queues[0]?.sid as string;
    const conferenceSid = [...rig.sim.engine.state.conferences.values()][0]?.sid as string;

    const reads: Array<[string, string]> = [
      ['GET', `${account}/Calls.json`],
      ['GET', `${account}/Calls/${call.sid}.json`],
      ['GET', `${account}/Queues/${queueSid}.json`],
      ['GET', `${account}/Queues/${queueSid}/Members.json`],
      ['GET', `${account}/Queues/${queueSid}/Members/${call.sid}.json`],
      ['GET', `${account}/Conferences.json`],
      ['GET', `${account}/Conferences/${conferenceSid}.json`],
      ['GET', `${account}/Conferences/${conferenceSid}/Participants.json`],
      ['GET', `${account}/Conferences/${conferenceSid}/Participants/${participant.callSid}.json`],
      ['GET', `${account}/Messages.json`],
    ];
    for (const [method, path] of reads) {
      const response = await rest(method as 'GET', path);
      expect(response.status, path).toBe(200);
      expectTwilioShape(method, path, 200, response.body);
    }
    const created = await rest('POST', `${account}/Calls.json`, {
      To: '+8562055500000',
      From: '+85621136200',
      Url: `${rig.baseUrl}/webhooks/twilio/voice/incoming?hotline=1362`,
    });
    expect(created.status).toBe(201);
    expectTwilioShape('POST', `${account}/Calls.json`, 201, created.body);
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
    const resource = await rest('GET', `${account}/Recordings/${sid}.json`);
    expect(resource.status).toBe(200);
    expectTwilioShape('GET', `${account}/Recordings/${sid}.json`, 200, resource.body);
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
    for (const request of requests) {
      const found = findOperation(spec, request.method, request.path);
      if (!found) throw new Error(`${request.path} is not in Twilio's API`);
      const { allowed, required } = requestParams(found.op);
      const sent = Object.keys(request.params);
      expect(
        sent.filter((p) => !allowed.includes(p)),
        found.template,
      ).toEqual([]);
      expect(
        required.filter((p) => !sent.includes(p)),
        found.template,
      ).toEqual([]);
    }
  });
});
