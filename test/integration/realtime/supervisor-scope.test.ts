import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCounsellorView, TQueueView } from '../../../src/contracts/realtime';
import type { TCounsellorClient } from '../../fixtures/counsellor-client';
import { eventually, routingHarness } from '../../fixtures/routing-harness';

// A supervisor watches her own hotlines live: their detailed queue and their counsellors'
// presence. Another hotline's callers and counsellors are not hers to see; an administrator
// watches every hotline. Two API nodes, real socket.io clients.
let h: Awaited<ReturnType<typeof routingHarness>>;

beforeAll(async () => {
  h = await routingHarness({ nodes: 2 });
});
afterAll(() => h.close());

/** The live queue views and presence one socket hears, in order. */
function listen(client: TCounsellorClient) {
  const heard = { views: [] as TQueueView[], presence: [] as TCounsellorView[] };
  client.socket.on('queue:updated', (v) => heard.views.push(v));
  client.socket.on('presence:updated', (v) => heard.presence.push(v));
  return heard;
}

describe("a supervisor's live view is her own hotlines'", () => {
  it("a supervisor of 1554 hears neither 1362's queue nor its counsellors; 1362's supervisor and an administrator do", async () => {
    const of1554 = await h.counsellor({ role: 'supervisor', hotlines: ['1554'], node: 1 });
    const of1362 = await h.counsellor({ role: 'supervisor', hotlines: ['1362'], node: 1 });
    const admin = await h.counsellor({ role: 'administrator', hotlines: ['1554'], node: 0 });
    const to1554 = listen(of1554.client);
    const to1362 = listen(of1362.client);
    const toAdmin = listen(admin.client);

    // A 1362 counsellor comes in and a 1362 caller waits (callers through the other node).
    const noy = await h.counsellor({ hotlines: ['1362'], node: 0 });
    await noy.client.socket.emitWithAck('presence:set', { state: 'away', reason: 'break' });
    const callSid = await h.caller({ hotline: '1362', node: 0 });

    const sees1362 = (heard: ReturnType<typeof listen>) => {
      expect(heard.views.at(-1)).toMatchObject({ hotline: '1362', waiting: 1 });
      expect(heard.presence).toContainEqual(
        expect.objectContaining({ userId: noy.staff.id, state: 'away' }),
      );
    };
    await eventually(() => sees1362(to1362));
    await eventually(() => sees1362(toAdmin));

    // 1554's own caller: its supervisor hears its queue, and only its queue.
    const own = await h.caller({ hotline: '1554', node: 0 });
    await eventually(() =>
      expect(to1554.views.at(-1)).toMatchObject({ hotline: '1554', waiting: 1 }),
    );
    expect(to1554.views.filter((v) => v.hotline !== '1554')).toEqual([]);
    expect(to1554.presence.filter((p) => p.userId === noy.staff.id)).toEqual([]);
    expect(to1362.views.filter((v) => v.hotline !== '1362')).toEqual([]);

    await h.queue.remove(callSid, '1362');
    await h.queue.remove(own, '1554');
  });
});
