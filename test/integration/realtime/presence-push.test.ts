import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCounsellorView } from '../../../src/contracts/realtime';
import { eventually, routingHarness } from '../../fixtures/routing-harness';

let h: Awaited<ReturnType<typeof routingHarness>>;

beforeAll(async () => {
  h = await routingHarness({ nodes: 2 });
});
afterAll(() => h.close());

describe('presence pushed to supervisors', () => {
  it('shows a counsellor as offered the moment dispatch offers them a call, on every node', async () => {
    const supervisor = await h.counsellor({ role: 'supervisor', node: 1 });
    const seen: TCounsellorView[] = [];
    supervisor.client.socket.on('presence:updated', (v) => seen.push(v));
    const noy = await h.counsellor({ node: 0 });
    await noy.client.socket.emitWithAck('presence:set', { state: 'available' });
    await eventually(() =>
      expect(seen).toContainEqual(
        expect.objectContaining({ userId: noy.staff.id, state: 'available' }),
      ),
    );

    const callSid = await h.caller({ node: 0 });
    const offer = await noy.client.nextOffer();
    expect(offer.taskId).toBe(callSid);
    await eventually(() =>
      expect(seen.at(-1)).toMatchObject({ userId: noy.staff.id, state: 'offered' }),
    );

    // Rejected, the caller is offered to her again: the wall follows both steps.
    const before = seen.length;
    await noy.client.socket.emitWithAck('call:reject', { offerId: offer.offerId });
    const again = await noy.client.nextOffer();
    expect(again.taskId).toBe(callSid);
    await eventually(() =>
      expect(seen.slice(before).map((v) => v.state)).toEqual(['available', 'offered']),
    );
    expect(seen.at(-1)).toMatchObject({ rejects: 1 });
    await noy.client.socket.emitWithAck('call:reject', { offerId: again.offerId });
    await h.queue.remove(callSid, '1362');
  });
});
