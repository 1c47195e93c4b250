import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedChatHotline, userWrites } from '../../fixtures/chat.fixture';
import { startTelephonyRig, type TTelephonyRig } from '../../fixtures/simulator.fixture';
import { twilioShapes } from '../../fixtures/twilio-shapes.fixture';

let rig: TTelephonyRig;
const { expectServed, expectOnlyAcceptedParams } = twilioShapes(
  () => rig,
  'twilio_conversations_v1.subset.json',
);

beforeAll(async () => {
  rig = await startTelephonyRig({ seed: ({ database }) => seedChatHotline(database.db) });
});
afterAll(async () => rig?.close());

describe("the simulator's Conversations API against Twilio's description", () => {
  it('serves conversations and messages in Twilio shapes', async () => {
    const { conversation, conversationSid } = await userWrites(rig, {
      channel: 'whatsapp',
      from: '+66819990000',
      text: 'hello',
    });
    const sim = rig.sim.chat.conversations.get(conversationSid);
    const base = `/v1/Services/${sim?.serviceSid}/Conversations/${conversationSid}`;
    await expectServed('POST', `${base}/Messages`, 201, { Author: 'hotline-1362', Body: 'hi' });
    for (const path of [base, `${base}/Messages`]) await expectServed('GET', path, 200);
    await expectServed('POST', base, 200, { State: 'closed' });
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
    expectOnlyAcceptedParams(requests);
  });
});
