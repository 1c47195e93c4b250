import { describe, expect, it } from 'vitest';
import { queueCounts } from '../../../src/modules/routing/queue-counts.policy';
import { countSignature } from '../../../src/realtime/queue-push.policy';

const view = (byLanguage: Array<[string, number, number]>) => ({
  hotline: '1362',
  waiting: byLanguage.reduce((sum, [, n]) => sum + n, 0),
  longestWaitMs: Math.max(0, ...byLanguage.map(([, , w]) => w)),
  byLanguage: byLanguage.map(([language, waiting, longestWaitMs]) => ({
    language,
    waiting,
    longestWaitMs,
  })),
  chats: { waiting: 0, longestWaitMs: 0, byLanguage: [] },
});

describe('waiting counts on the desks', () => {
  it('gives each language a desk serves its own count, zero where nobody waits', () => {
    const now = 100_000;
    expect(queueCounts('1362', view([['lo', 3, 5_000]]), ['lo', 'hmn'], now)).toEqual([
      { hotline: '1362', language: 'lo', waiting: 3, oldestAt: 95_000 },
      { hotline: '1362', language: 'hmn', waiting: 0, oldestAt: null },
    ]);
    // A hotline nobody ever queued on has no view yet: its desks still see a zero.
    expect(queueCounts('1554', undefined, ['lo'], now)).toEqual([
      { hotline: '1554', language: 'lo', waiting: 0, oldestAt: null },
    ]);
  });

  /** The one count of Lao callers on 1362 at `now`, as the desk would be sent it. */
  const lao = (byLanguage: Array<[string, number, number]>, now: number) =>
    countSignature(
      queueCounts('1362', view(byLanguage), ['lo'], now)[0] ?? {
        hotline: '1362',
        language: 'lo',
        waiting: -1,
        oldestAt: null,
      },
    );

  it('skips a push that only differs by the passing of time', () => {
    expect(lao([['lo', 3, 5_000]], 100_000)).toBe(lao([['lo', 3, 6_000]], 101_000));
  });

  it('pushes when a caller joins, the longest waiter leaves or the queue empties', () => {
    const before = lao([['lo', 3, 5_000]], 100_000);
    expect(lao([['lo', 4, 6_000]], 101_000)).not.toBe(before);
    expect(lao([['lo', 2, 2_000]], 101_000)).not.toBe(before);
    expect(lao([], 101_000)).not.toBe(before);
  });
});
