import type { TQueueCount } from '../contracts/realtime';

/**
 * What a desk shows of a queue count: how many wait, and since which second the longest waiter
 * waits (the desk counts the seconds itself). Equal signatures mean a push would change nothing.
 */
export function countSignature(count: TQueueCount): string {
  return `${count.waiting}|${count.oldestAt === null ? '' : Math.round(count.oldestAt / 1000)}`;
}
