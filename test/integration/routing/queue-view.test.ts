import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presenceRepository } from '../../../src/modules/routing/presence/presence.repository';
import { offersRepository } from '../../../src/modules/routing/offers.repository';
import { queueViews } from '../../../src/modules/routing/queue-view.repository';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { createTestStores, type TTestStores } from '../../support/test-stores';

// The summary every desk and the wallboard show: waiting callers and the longest wait per
// language. It is kept beside the queue, so it must follow every way a caller moves.
let stores: TTestStores;
let prefix: string;

beforeAll(async () => {
  stores = await createTestStores();
  prefix = `${stores.config.REDIS_PREFIX}:view`;
});
afterAll(() => stores.cleanup());

const T0 = 1_700_000_000_000;

describe('queue summary per hotline and language', () => {
  it('counts waiting callers and the longest wait through offer, answer, missed bridge and hang-up', async () => {
    const queue = waitingQueue(stores.redis, prefix);
    const views = queueViews(stores.redis, prefix);
    const offers = offersRepository(stores.redis, prefix);
    const presence = presenceRepository(stores.redis, prefix);
    const add = (callSid: string, language: string, enqueuedAt: number) =>
      queue.add({ callSid, hotline: '1554', language, enqueuedAt, priorityBoostMs: 0 });
    const now = T0 + 60_000;
    const summary = async () => {
      const v = await views.view('1554', now);
      return {
        waiting: v.waiting,
        longest: v.longestWaitMs,
        byLanguage: v.byLanguage.map((l) => [l.language, l.waiting, l.longestWaitMs]),
      };
    };

    await add('CA01', 'lo', T0);
    await add('CA02', 'hmn', T0 + 10_000);
    await add('CA03', 'lo', T0 + 20_000);
    await add('CA01', 'lo', T0 + 50_000); // the same caller again changes nothing
    expect(await summary()).toEqual({
      waiting: 3,
      longest: 60_000,
      byLanguage: [
        ['hmn', 1, 50_000],
        ['lo', 2, 60_000],
      ],
    });

    // Under offer the caller still waits; once answered they leave the summary.
    await presence.set({
      userId: 'u1',
      target: 'available',
      hotlines: ['1554'],
      languages: ['lo'],
      now: T0,
    });
    const made = await offers.reserve(
      [{ callSid: 'CA01', userId: 'u1', offerId: 'of1', tier: 'exact' }],
      now + 20_000,
    );
    expect([...made.keys()]).toEqual(['of1']);
    expect((await summary()).waiting).toBe(3);
    expect(await offers.accept('u1', 'of1', now)).not.toBeNull();
    expect(await summary()).toEqual({
      waiting: 2,
      longest: 50_000,
      byLanguage: [
        ['hmn', 1, 50_000],
        ['lo', 1, 40_000],
      ],
    });

    // The counsellor's phone did not answer: back in line with the original arrival time.
    await offers.requeue('CA01');
    expect((await summary()).byLanguage).toEqual([
      ['hmn', 1, 50_000],
      ['lo', 2, 60_000],
    ]);

    // Hang-ups empty a language, which then disappears from the summary.
    await queue.remove('CA02', '1554');
    await queue.remove('CA01', '1554');
    expect(await summary()).toEqual({
      waiting: 1,
      longest: 40_000,
      byLanguage: [['lo', 1, 40_000]],
    });
  });

  it('counts a waiting chat apart from the callers of the same hotline and language', async () => {
    const queue = waitingQueue(stores.redis, prefix);
    const views = queueViews(stores.redis, prefix);
    const now = T0 + 60_000;
    await queue.add({
      callSid: 'CA11',
      hotline: '1362',
      language: 'lo',
      enqueuedAt: T0 + 30_000,
      priorityBoostMs: 0,
    });
    await queue.add({
      callSid: 'chat-11',
      channel: 'chat',
      hotline: '1362',
      language: 'lo',
      enqueuedAt: T0,
      priorityBoostMs: 0,
    });
    const v = await views.view('1362', now);
    expect(v).toEqual({
      hotline: '1362',
      waiting: 1,
      longestWaitMs: 30_000,
      byLanguage: [{ language: 'lo', waiting: 1, longestWaitMs: 30_000 }],
      chats: {
        waiting: 1,
        longestWaitMs: 60_000,
        byLanguage: [{ language: 'lo', waiting: 1, longestWaitMs: 60_000 }],
      },
    });
    // The chat ends while it waits: the callers' line is as it was.
    await queue.remove('chat-11', '1362');
    const after = await views.view('1362', now);
    expect(after.chats).toEqual({ waiting: 0, longestWaitMs: 0, byLanguage: [] });
    expect(after.waiting).toBe(1);
    await queue.remove('CA11', '1362');
    expect((await views.view('1362', now)).waiting).toBe(0);
  });
});
