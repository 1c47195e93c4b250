import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedChatHotline, userWrites } from '../../fixtures/chat.fixture';
import { startTelephonyRig, type TTelephonyRig } from '../../fixtures/simulator.fixture';
import {
  findOperation,
  loadTwilioSpec,
  requestParams,
  responseSchema,
  schemaProblems,
} from '../../fixtures/twilio-oai.fixture';

const spec = loadTwilioSpec('twilio_conversations_v1.subset.json');
let rig: TTelephonyRig;

beforeAll(async () => {
  rig = await startTelephonyRig({ seed: ({ database }) => seedChatHotline(database.db) });
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

describe("the simulator's Conversations API against Twilio's description", () => {
  it('serves conversations and messages in Twilio shapes', async () => {
    const { conversation, conversationSid } = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66819990000',
      text: 'hello',
    });
    const sim = rig.sim.chat.conversations.get(conversationSid);
    const base = `/v1/Services/${sim?.serviceSid}/Conversations/${conversationSid}`;
    const posted = await rest('POST', `${base}/Messages`, { Author: 'hotline-1362', Body: 'hi' });
    expect(posted.status).toBe(201);
    expectTwilioShape('POST', `${base}/Messages`, 201, posted.body);
    for (const path of [base, `${base}/Messages`]) {
      const read = await rest('GET', path);
      expect(read.status, path).toBe(200);
      expectTwilioShape('GET', path, 200, read.body);
    }
    const closed = await rest('POST', base, { State: 'closed' });
    expectTwilioShape('POST', base, 200, closed.body);
    expect(conversation.channel).toBe('whatsapp');
  });

  it("the server's twilio client sends only parameters Twilio's Conversations API accepts", async () => {
    const { conversation } = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66819990001',
      text: 'hello',
    });
    const before = rig.sim.engine.state.requests.length;
    await rig.app.chat.outbox.send(
      { conversationId: conversation.id, text: 'reply', templateKey: null },
      { kind: 'system' },
    );
    await rig.app.chat.outbox.send(
      { conversationId: conversation.id, text: 'x', templateKey: 'checkin' },
      { kind: 'system' },
    );
    await rig.app.chat.inbox.end(
      { provider: 'twilio', ref: conversation.providerRef },
      'counsellor',
    );
    const requests = rig.sim.engine.state.requests
      .slice(before)
      .filter((r) => r.method === 'POST' && r.path.startsWith('/v1/'));
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      const found = findOperation(spec, request.method, request.path);
      if (!found) throw new Error(`${request.path} is not in Twilio's Conversations API`);
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
