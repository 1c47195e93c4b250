import { describe, expect, it } from 'vitest';
import { createCallLifecycle } from '../../../src/modules/voice/call-lifecycle.events';
import type { TCallsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { reconciliationBuffer } from '../../../src/modules/voice/calls/reconciliation-buffer';
import type { TWaitingQueue } from '../../../src/modules/routing/waiting-queue.repository';

/** Stores that fail while `down` is set and record what reached them. */
function fakeStores() {
  const state = {
    postgresDown: true,
    redisDown: true,
    written: [] as string[],
    /** What taking the caller out of the queue finds once Redis is back. */
    leaving: { state: 'absent' } as Awaited<ReturnType<TWaitingQueue['leaveOrMarkGone']>>,
  };
  const pg = (what: string) => async () => {
    if (state.postgresDown) throw new Error('postgres down');
    state.written.push(what);
  };
  const calls = {
    recordCall: pg('call'),
    updateCall: pg('update'),
    addEvent: pg('event'),
    applyStatus: async () => {
      await pg('status')();
      return { changed: true, status: 'completed' as const };
    },
  } as unknown as TCallsRepository;
  const queue = {
    add: async () => {
      if (state.redisDown) throw new Error('redis down');
      state.written.push('queue-add');
    },
    leaveOrMarkGone: async () => {
      if (state.redisDown) throw new Error('redis down');
      state.written.push('queue-remove');
      return state.leaving;
    },
  } as unknown as TWaitingQueue;
  // What routing is told (the observers' events below say the same).
  const routing = { queued: () => {}, left: () => {}, ended: () => {} };
  return { state, calls, queue, routing };
}

const caller = {
  callSid: 'CA1',
  hotline: '1362',
  language: 'lo',
  enqueuedAt: 1,
  priorityBoostMs: 0,
};
const call = { callSid: 'CA1', hotline: '1362', fromEncrypted: null, fromHash: null };

describe('reconciliation buffer', () => {
  it('replays Postgres writes in order once Postgres is back, without waiting for Redis', async () => {
    const { state, calls, queue, routing } = fakeStores();
    const events = createCallLifecycle();
    const buffer = reconciliationBuffer({ calls, queue, routing, events });
    buffer.add('CA1', { type: 'call', call });
    buffer.add('CA1', { type: 'queue-add', caller });
    buffer.add('CA1', { type: 'event', event: { callSid: 'CA1', kind: 'incoming', payload: {} } });
    expect(await buffer.flush()).toEqual({ replayed: 0, remaining: 1 });
    state.postgresDown = false;
    await buffer.flush();
    expect(state.written).toEqual(['call', 'update', 'event']);
    expect(buffer.size()).toBe(1);
    const queued: string[] = [];
    events.on('caller.queued', (e) => void queued.push(e.callSid));
    state.redisDown = false;
    await buffer.flush();
    expect(state.written.at(-1)).toBe('queue-add');
    expect(queued).toEqual(['CA1']);
    expect(buffer.size()).toBe(0);
  });

  it('a caller who left while Redis was down is never queued when it returns', async () => {
    const { state, calls, queue, routing } = fakeStores();
    const buffer = reconciliationBuffer({ calls, queue, routing, events: createCallLifecycle() });
    buffer.add('CA1', { type: 'queue-add', caller });
    buffer.add('CA1', { type: 'queue-remove', hotline: '1362', result: 'hangup' });
    state.redisDown = false;
    await buffer.flush();
    expect(state.written).toEqual([]);
    expect(buffer.size()).toBe(0);
  });

  it('tells routing about a caller its replayed removal took out, with the offer it withdrew', async () => {
    const { state, calls, queue, routing } = fakeStores();
    const events = createCallLifecycle();
    const left: unknown[] = [];
    events.on('caller.left-queue', (e) => void left.push(e));
    const buffer = reconciliationBuffer({ calls, queue, routing, events });
    buffer.add('CA1', { type: 'queue-remove', hotline: '1362', result: 'hangup' });
    const withdrawn = { offerId: 'O1', userId: 'U1' };
    state.leaving = { state: 'left', withdrawn };
    state.redisDown = false;
    await buffer.flush();
    expect(state.written).toEqual(['queue-remove']);
    expect(left).toEqual([{ callSid: 'CA1', hotline: '1362', result: 'hangup', withdrawn }]);
  });
});
