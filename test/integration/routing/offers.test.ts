import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, routingHarness } from '../../fixtures/routing-harness';

let h: Awaited<ReturnType<typeof routingHarness>>;

beforeAll(async () => {
  h = await routingHarness({ nodes: 2 });
});
afterAll(() => h.close());

const available = { state: 'available' } as const;
const offline = { state: 'offline' } as const;

describe('offers across two API nodes', () => {
  it('routes by language first and relaxes to any counsellor of the hotline after the wait', async () => {
    const lao = await h.counsellor({ languages: ['lo'], node: 0 });
    const hmong = await h.counsellor({ languages: ['hmn'], node: 1 });
    await lao.client.socket.emitWithAck('presence:set', available);
    await hmong.client.socket.emitWithAck('presence:set', available);

    const fresh = await h.caller({ language: 'hmn' });
    const offer = await hmong.client.nextOffer();
    expect(offer.taskId).toBe(fresh);
    expect(lao.client.offers).toHaveLength(0);
    await hmong.client.socket.emitWithAck('call:reject', { offerId: offer.offerId });
    // Rejected: the Hmong caller is offered again, never to the Lao counsellor while fresh.
    const again = await hmong.client.nextOffer();
    expect(again.taskId).toBe(fresh);
    expect(lao.client.offers).toHaveLength(0);

    // A Khmu caller who has waited past the relaxation time goes to anyone on the hotline.
    const waitedLong = await h.caller({ language: 'km', enqueuedAt: Date.now() - 61_000 });
    const relaxed = await lao.client.nextOffer();
    expect(relaxed.taskId).toBe(waitedLong);

    await hmong.client.socket.emitWithAck('call:reject', { offerId: again.offerId });
    await lao.client.socket.emitWithAck('call:reject', { offerId: relaxed.offerId });
    await lao.client.socket.emitWithAck('presence:set', offline);
    await hmong.client.socket.emitWithAck('presence:set', offline);
    const me = await hmong.client.socket.emitWithAck('state:sync', {});
    expect(me).toHaveProperty('data.me.rejects', 2);
    await h.queue.remove(fresh, '1362');
    await h.queue.remove(waitedLong, '1362');
  });

  it('gives a caller who rang out to another counsellor first, even one of a relaxed tier', async () => {
    const sleepy = await h.counsellor({ hotlines: ['1554'], languages: ['lo'], node: 0 });
    // Speaks no Lao: fits this caller only because the caller has waited past the relaxation.
    const colleague = await h.counsellor({ hotlines: ['1554'], languages: ['en'], node: 1 });
    await sleepy.client.socket.emitWithAck('presence:set', available);
    const caller = await h.caller({ hotline: '1554', enqueuedAt: Date.now() - 61_000, node: 1 });
    const first = await sleepy.client.nextOffer();
    expect(first.taskId).toBe(caller);
    await colleague.client.socket.emitWithAck('presence:set', available);

    // Sleepy lets it ring out: the colleague gets it, though sleepy fits the caller better.
    const second = await colleague.client.nextOffer();
    expect(second.taskId).toBe(caller);
    expect(sleepy.client.withdrawn).toContainEqual({ offerId: first.offerId, reason: 'timeout' });
    expect(sleepy.client.offers).toHaveLength(1);
    const me = await sleepy.client.socket.emitWithAck('state:sync', {});
    expect(me).toHaveProperty('data.me.state', 'available');
    expect(me).toHaveProperty('data.me.consecutiveTimeouts', 1);

    await h.queue.remove(caller, '1554');
    await colleague.client.socket.emitWithAck('presence:set', offline);
    await sleepy.client.socket.emitWithAck('presence:set', offline);
  });

  it('offers the only counsellor again, then sets her away for missed calls and tells her', async () => {
    const lonely = await h.counsellor({ hotlines: ['1700'], node: 0 });
    const told: Array<{ state: string; reason: string | null }> = [];
    lonely.client.socket.on('presence:updated', (c) => told.push(c));
    await lonely.client.socket.emitWithAck('presence:set', available);
    const caller = await h.caller({ hotline: '1700', node: 1 });
    const first = await lonely.client.nextOffer();
    // Nobody else can take the call: she is offered it again rather than nobody.
    const again = await lonely.client.nextOffer();
    expect([first.taskId, again.taskId]).toEqual([caller, caller]);

    // The second time-out in a row (ROUTING_MAX_CONSECUTIVE_TIMEOUTS' default): away, and told.
    await eventually(() =>
      expect(told.at(-1)).toMatchObject({ state: 'away', reason: 'missed_calls' }),
    );
    const res = await lonely.client.socket.emitWithAck('state:sync', {});
    expect(res).toHaveProperty('data.me.reason', 'missed_calls');
    expect(res).toHaveProperty('data.me.consecutiveTimeouts', 2);
    expect(res).toHaveProperty('data.offer', null);
    expect(lonely.client.withdrawn.filter((w) => w.reason === 'timeout')).toHaveLength(2);

    // The caller still waits, and goes to the next counsellor who comes.
    const relief = await h.counsellor({ hotlines: ['1700'], node: 1 });
    await relief.client.socket.emitWithAck('presence:set', available);
    expect((await relief.client.nextOffer()).taskId).toBe(caller);
    expect(lonely.client.offers).toHaveLength(2);

    // Back at her desk: available, and the count of missed offers in a row starts again.
    const back = await lonely.client.socket.emitWithAck('presence:set', available);
    expect(back).toHaveProperty('data.state', 'available');
    expect(back).toHaveProperty('data.consecutiveTimeouts', 0);
    await h.queue.remove(caller, '1700');
    await lonely.client.socket.emitWithAck('presence:set', offline);
  });

  it('lets exactly one of two simultaneous accepts win, from two tabs on two nodes', async () => {
    const tabA = await h.counsellor({ hotlines: ['1512'], node: 0 });
    const tabB = await h.connect(tabA.cookie, 1);
    await tabA.client.socket.emitWithAck('presence:set', available);
    const caller = await h.caller({ hotline: '1512' });
    const [offerA, offerB] = await Promise.all([tabA.client.nextOffer(), tabB.nextOffer()]);
    expect(offerA.offerId).toBe(offerB.offerId);

    const results = await Promise.all([
      tabA.client.socket.emitWithAck('call:accept', { offerId: offerA.offerId }),
      tabB.socket.emitWithAck('call:accept', { offerId: offerB.offerId }),
      tabA.client.socket.emitWithAck('call:accept', { offerId: offerA.offerId }),
    ]);
    expect(results.filter((r) => 'data' in r)).toEqual([{ data: { taskId: caller } }]);
    expect(results.filter((r) => 'error' in r)).toEqual([
      { error: 'OFFER_GONE' },
      { error: 'OFFER_GONE' },
    ]);
    const dequeues = h.twilio.requests.filter((r) => r.path.endsWith(`/Members/${caller}.json`));
    expect(dequeues).toHaveLength(1);
    expect(dequeues[0]?.params.Url).toContain('/webhooks/twilio/bridge/caller');
    h.callEnded(caller);
    await tabA.client.socket.emitWithAck('presence:set', offline).catch(() => undefined);
  });

  it('re-offers at once when the counsellor socket drops mid-offer, and resumes them on return', async () => {
    const leaving = await h.counsellor({ hotlines: ['1600'], node: 1 });
    const staying = await h.counsellor({ hotlines: ['1600'], node: 0 });
    await leaving.client.socket.emitWithAck('presence:set', available);
    const caller = await h.caller({ hotline: '1600' });
    const lost = await leaving.client.nextOffer();
    expect(lost.taskId).toBe(caller);

    await staying.client.socket.emitWithAck('presence:set', available);
    leaving.client.close();
    const reOffer = await staying.client.nextOffer();
    expect(reOffer.taskId).toBe(caller);

    const gone = await h.nodes[0]?.liveRouting.presence.get(leaving.staff.id);
    expect(gone).toMatchObject({ state: 'away', reason: 'disconnected', timeouts: 0 });

    const back = await h.connect(leaving.cookie, 0);
    expect(back.snapshots[0]?.me).toMatchObject({ state: 'available', timeouts: 0 });
    await staying.client.socket.emitWithAck('call:reject', { offerId: reOffer.offerId });
    await h.queue.remove(caller, '1600');
  });
});
