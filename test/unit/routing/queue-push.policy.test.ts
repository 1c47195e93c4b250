import { describe, expect, it } from 'vitest';
import { queueSignature } from '../../../src/realtime/queue-push.policy';

const view = (waiting: number, longestWaitMs: number) => ({
  hotline: '1362',
  waiting,
  longestWaitMs,
  byLanguage: [{ language: 'lo', waiting, longestWaitMs }],
});

describe('queue pushes to counsellors', () => {
  it('skips a view that only differs by the passing of time', () => {
    expect(queueSignature(view(3, 5_000), 100_000)).toBe(queueSignature(view(3, 6_000), 101_000));
  });

  it('pushes when a caller joins or the longest waiter leaves', () => {
    const before = queueSignature(view(3, 5_000), 100_000);
    expect(queueSignature(view(4, 6_000), 101_000)).not.toBe(before);
    expect(queueSignature(view(2, 2_000), 101_000)).not.toBe(before);
  });
});
