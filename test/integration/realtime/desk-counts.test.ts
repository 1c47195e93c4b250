import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TQueueCount, TQueueView } from '../../../src/contracts/realtime';
import { eventually, routingHarness } from '../../fixtures/routing-harness';
import type { TCounsellorClient } from '../../fixtures/counsellor-client';

// What a desk hears of the queues: the waiting count of each hotline and language it serves, at
// most once a second, from whichever node the callers came through; never the supervisors'
// detailed queue. Two API nodes, real socket.io clients.
let h: Awaited<ReturnType<typeof routingHarness>>;

beforeAll(async () => {
  h = await routingHarness({ nodes: 2 });
});
afterAll(() => h.close());

/** Everything one socket hears of the queues, in order. */
function listen(client: TCounsellorClient) {
  const heard = { counts: [] as TQueueCount[], views: [] as TQueueView[] };
  client.socket.on('queue:counts', (c) => heard.counts.push(c));
  client.socket.on('queue:updated', (v) => heard.views.push(v));
  return heard;
}

describe('waiting counts on the desks', () => {
  it('tells a desk the counts of its hotline and languages, once a second for a flood, and the detailed queue only to supervisors', async () => {
    // Nobody is available: every caller waits. Desks and supervisor on node 1, callers on node 0.
    const lao = await h.counsellor({ hotlines: ['1362'], languages: ['lo'], node: 1 });
    const hmong = await h.counsellor({ hotlines: ['1362'], languages: ['hmn'], node: 1 });
    const other = await h.counsellor({ hotlines: ['1554'], languages: ['lo'], node: 1 });
    const supervisor = await h.counsellor({ role: 'supervisor', hotlines: ['1362'], node: 1 });
    const toLao = listen(lao.client);
    const toHmong = listen(hmong.client);
    const toOther = listen(other.client);
    const toSupervisor = listen(supervisor.client);
    // The snapshot already holds the desk's counts, zero before anyone calls.
    expect(lao.client.snapshots.at(-1)?.counts).toEqual([
      { hotline: '1362', language: 'lo', waiting: 0, oldestAt: null },
    ]);

    const first = await h.caller({ hotline: '1362', language: 'lo', node: 0 });
    await eventually(() =>
      expect(toLao.counts.at(-1)).toMatchObject({ hotline: '1362', language: 'lo', waiting: 1 }),
    );
    const pushesBefore = toLao.counts.length;

    // A flood: 30 more Lao callers as fast as they come.
    const flood = await Promise.all(
      Array.from({ length: 30 }, () => h.caller({ hotline: '1362', language: 'lo', node: 0 })),
    );
    await eventually(() => expect(toLao.counts.at(-1)?.waiting).toBe(31));
    // One push for the whole flood (two when it straddles the once-a-second tick), not thirty.
    expect(toLao.counts.length - pushesBefore).toBeLessThanOrEqual(2);
    expect(toLao.counts.at(-1)?.oldestAt).toBeTypeOf('number');
    // Supervisors see the detailed queue; desks never do, whatever their hotline.
    await eventually(() => expect(toSupervisor.views.at(-1)).toMatchObject({ waiting: 31 }));
    expect(toLao.views).toEqual([]);
    expect(toOther.views).toEqual([]);
    // Another hotline's desk and another language's desk hear nothing of these Lao callers.
    expect(toOther.counts.filter((c) => c.hotline !== '1554' || c.waiting > 0)).toEqual([]);
    expect(toHmong.counts.filter((c) => c.language !== 'hmn' || c.waiting > 0)).toEqual([]);

    // Nothing changes: no further pushes (wait past two ticks).
    const settled = toLao.counts.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(toLao.counts.length).toBe(settled);

    // They all hang up: the desk is told the queue is empty.
    for (const callSid of [first, ...flood]) await h.queue.remove(callSid, '1362');
    await eventually(() =>
      expect(toLao.counts.at(-1)).toEqual({
        hotline: '1362',
        language: 'lo',
        waiting: 0,
        oldestAt: null,
      }),
    );
    // A desk that reconnects finds the same in its snapshot.
    const again = await h.connect(lao.cookie, 0);
    expect(again.snapshots.at(-1)?.counts).toEqual([
      { hotline: '1362', language: 'lo', waiting: 0, oldestAt: null },
    ]);
  });

  it('tells every desk of a large room, written a share at a time, each the same count', async () => {
    // 120 sockets in one hotline and language room on one node (more than one event-loop turn
    // writes): Hmong desks of hotline 1554, so the first test's callers do not count here.
    const desk = await h.counsellor({ hotlines: ['1554'], languages: ['hmn'], node: 1 });
    const tabs = [desk.client];
    for (let i = 1; i < 120; i++) tabs.push(await h.connect(desk.cookie, 1));
    const heard = tabs.map(listen);
    await h.caller({ hotline: '1554', language: 'hmn', node: 0 });
    await eventually(() =>
      expect(heard.map((x) => x.counts.at(-1)?.waiting ?? 0)).toEqual(tabs.map(() => 1)),
    );
    // The caller's count once each, not a desk left out or told twice (a zero count may come
    // first, when a tick falls between the desks joining and the caller).
    expect(heard.map((x) => x.counts.filter((c) => c.waiting === 1).length)).toEqual(
      tabs.map(() => 1),
    );
  });
});
