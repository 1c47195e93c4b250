import { describe, expect, it } from 'vitest';
import type { TStateSnapshot } from '../../../src/contracts/realtime';
import { withCount, withQueue } from '../../../web/src/shared/realtime/realtime-store';

const snapshot = (): TStateSnapshot => ({
  serverTime: 0,
  me: null,
  offer: null,
  queues: [],
  counts: [
    { hotline: '1362', language: 'lo', waiting: 0, oldestAt: null },
    { hotline: '1362', language: 'en', waiting: 2, oldestAt: 1_000 },
    { hotline: '1554', language: 'lo', waiting: 0, oldestAt: null },
  ],
  counsellors: [],
});

describe('the counts a desk shows', () => {
  it('takes a pushed count for its own hotline and language only', () => {
    const next = withCount(snapshot(), {
      hotline: '1362',
      language: 'lo',
      waiting: 3,
      oldestAt: 5_000,
    });
    expect(next.counts).toEqual([
      { hotline: '1362', language: 'lo', waiting: 3, oldestAt: 5_000 },
      { hotline: '1362', language: 'en', waiting: 2, oldestAt: 1_000 },
      { hotline: '1554', language: 'lo', waiting: 0, oldestAt: null },
    ]);
    // A count of a queue this desk does not serve changes nothing it shows.
    const s = snapshot();
    expect(withCount(s, { hotline: '1512', language: 'lo', waiting: 9, oldestAt: 1 })).toBe(s);
  });

  it("follows a supervisor's detailed queue at her desk, a language emptied included", () => {
    const next = withQueue(
      snapshot(),
      {
        hotline: '1362',
        waiting: 4,
        longestWaitMs: 30_000,
        byLanguage: [{ language: 'lo', waiting: 4, longestWaitMs: 30_000 }],
        chats: { waiting: 0, longestWaitMs: 0, byLanguage: [] },
      },
      100_000,
    );
    expect(next.counts).toEqual([
      { hotline: '1362', language: 'lo', waiting: 4, oldestAt: 70_000 },
      { hotline: '1362', language: 'en', waiting: 0, oldestAt: null },
      { hotline: '1554', language: 'lo', waiting: 0, oldestAt: null },
    ]);
    expect(next.queues.map((q) => q.hotline)).toEqual(['1362']);
  });
});
