import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, like } from 'drizzle-orm';
import { callEvents } from '../../../db/schema/calls';
import { eventually, routingHarness } from '../../fixtures/routing-harness';

let h: Awaited<ReturnType<typeof routingHarness>>;

beforeAll(async () => {
  h = await routingHarness({ nodes: 1 });
});
afterAll(() => h.close());

describe('live routing with real counsellor sockets', () => {
  it('answers every caller exactly once, offering them in queue order', async () => {
    const team = await Promise.all([1, 2, 3].map(() => h.counsellor({})));
    const answered: string[] = [];
    for (const { client } of team) {
      client.socket.on('call:offered', async (offer) => {
        const res = await client.socket.emitWithAck('call:accept', { offerId: offer.offerId });
        if (!('data' in res)) return;
        answered.push(res.data.taskId);
        // The caller hangs up a moment later; the counsellor is free again (wrap-up is 0 here).
        setTimeout(() => h.callEnded(offer.taskId), 20);
      });
    }
    const start = Date.now() - 60_000;
    const callers: string[] = [];
    for (let i = 0; i < 9; i++) callers.push(await h.caller({ enqueuedAt: start + i * 10 }));
    for (const { client } of team) {
      const res = await client.socket.emitWithAck('presence:set', { state: 'available' });
      expect(res).toHaveProperty('data.state', 'available');
    }

    await eventually(() => expect(answered).toHaveLength(9));
    expect(new Set(answered)).toEqual(new Set(callers));
    await h.nodes[0]?.liveRouting.events.flush();
    const offered = await h.stores.database.db
      .select({ callSid: callEvents.callSid })
      .from(callEvents)
      .where(like(callEvents.kind, 'routing.offered'))
      .orderBy(asc(callEvents.id));
    expect(offered.map((o) => o.callSid)).toEqual(callers);
    for (const { client } of team) client.socket.removeAllListeners('call:offered');
    for (const { client } of team)
      await client.socket.emitWithAck('presence:set', { state: 'offline' });
  });
});
