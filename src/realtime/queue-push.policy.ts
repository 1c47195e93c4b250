import type { TQueueView } from '../contracts/realtime';

/**
 * What a counsellor's desk shows of a queue: counts, and since when the longest waiter waits
 * (the desk counts the seconds itself). Equal signatures mean a push would change nothing.
 */
export function queueSignature(view: TQueueView, now: number): string {
  const since = (waitMs: number) => Math.round((now - waitMs) / 1000);
  return [
    view.waiting,
    ...view.byLanguage.map((l) => `${l.language}:${l.waiting}:${since(l.longestWaitMs)}`),
  ].join('|');
}
