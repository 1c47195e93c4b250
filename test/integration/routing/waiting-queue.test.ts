import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  waitingQueue,
  type TWaitingQueue,
} from '../../../src/modules/routing/waiting-queue.repository';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let queue: TWaitingQueue;
const caller = (callSid: string, enqueuedAt: number, priorityBoostMs = 0) => ({
  callSid,
  hotline: '1362',
  language: 'lo',
  enqueuedAt,
  priorityBoostMs,
});

beforeAll(async () => {
  stores = await createTestStores();
  queue = waitingQueue(stores.redis, stores.config.REDIS_PREFIX);
});
afterAll(() => stores.cleanup());

describe('waiting queue', () => {
  it('orders callers by first arrival, moves priority callers forward, and keeps a re-queued caller in place', async () => {
    await queue.add(caller('CA1', 1000));
    await queue.add(caller('CA2', 2000));
    await queue.add(caller('CA3', 3000, 1500)); // imminent danger: ahead of CA2
    expect((await queue.list('1362')).map((c) => c.callSid)).toEqual(['CA1', 'CA3', 'CA2']);

    await queue.add(caller('CA1', 9000)); // back after a missed offer
    expect(await queue.position('CA1', '1362')).toBe(1);
    expect((await queue.list('1362'))[0]?.enqueuedAt).toBe(1000);

    await queue.remove('CA3', '1362');
    expect(await queue.position('CA3', '1362')).toBeNull();
    expect(await queue.size('1362')).toBe(2);
  });

  it('keeps only call SIDs and routing fields in Redis keys', async () => {
    const keys = await stores.redis.keys(`${stores.config.REDIS_PREFIX}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(
      keys.every((k) =>
        /:(queue:\d+|ready:\d+:[a-z]+|waiting:\d+:[a-z]+|waitlangs:\d+|caller:CA\d+|readyidx|hotlines)$/.test(
          k,
        ),
      ),
    ).toBe(true);
  });
});
