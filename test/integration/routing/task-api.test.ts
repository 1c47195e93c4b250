import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAcceptedTask } from '../../../src/modules/routing/task';
import { completeTask, enterQueue } from '../../../src/modules/routing/tasks.service';
import { eventually, routingHarness } from '../../fixtures/routing-harness';

let h: Awaited<ReturnType<typeof routingHarness>>;

beforeAll(async () => {
  h = await routingHarness({ nodes: 1 });
});
afterAll(() => h.close());

/**
 * Routing routes tasks of any channel: a task that is not a call enters the same queue through
 * routing's task API, is offered like a call, and on accept reaches its own channel's connector
 * (never voice's bridge, so no telephony request is made for it).
 */
describe('the task API with a channel other than voice', () => {
  it('offers the task, and the accept goes to that channel', async () => {
    const node = h.nodes[0];
    if (!node) throw new Error('no node');
    const routing = node.services.routing;
    const accepted: TAcceptedTask[] = [];
    routing.channels.register('chat', {
      accepted: async (_userId, task) => void accepted.push(task),
    });

    const desk = await h.counsellor({ languages: ['lo'] });
    await desk.client.socket.emitWithAck('presence:set', { state: 'available' });
    const task = {
      taskId: 'chat-task-1',
      channel: 'chat' as const,
      hotline: '1362',
      language: 'lo',
      enqueuedAt: Date.now(),
      priorityBoostMs: 0,
    };
    const entry = await enterQueue(routing, task);
    expect(entry.state).toBe('queued');
    if (entry.state === 'queued') node.services.tasks.queued(task, entry);

    const offer = await desk.client.nextOffer();
    expect(offer.taskId).toBe('chat-task-1');
    const res = await desk.client.socket.emitWithAck('call:accept', { offerId: offer.offerId });
    expect(res).toEqual({ data: { taskId: 'chat-task-1' } });
    expect(accepted).toEqual([
      expect.objectContaining({ callSid: 'chat-task-1', channel: 'chat' }),
    ]);

    // A chat leaves her available, holding one chat (capacity per channel: up to three).
    const before = await desk.client.socket.emitWithAck('state:sync', {});
    expect(before).toHaveProperty('data.me.state', 'available');
    expect(before).toHaveProperty('data.me.chats', 1);
    await completeTask(routing, desk.staff.id, 'chat-task-1');
    await eventually(async () => {
      const s = await desk.client.socket.emitWithAck('state:sync', {});
      expect(s).toHaveProperty('data.me.state', 'available');
      expect(s).not.toHaveProperty('data.me.chats');
    });
  });
});

/**
 * The end of a call is one Redis step; when it fails (the master holding routing's slot is failing
 * over), the counsellor must not stay "on call" for a call that is over: the sweep ends it again.
 */
describe('a task end that Redis refused', () => {
  it('is written again by the sweep, and the counsellor is offered the next caller', async () => {
    const node = h.nodes[0];
    if (!node) throw new Error('no node');
    const routing = node.services.routing;
    const desk = await h.counsellor({ languages: ['lo'] });
    await desk.client.socket.emitWithAck('presence:set', { state: 'available' });
    const first = await h.caller({});
    const offer = await desk.client.nextOffer();
    expect(offer.taskId).toBe(first);
    await desk.client.socket.emitWithAck('call:accept', { offerId: offer.offerId });
    await eventually(async () => {
      const s = await desk.client.socket.emitWithAck('state:sync', {});
      expect(s).toHaveProperty('data.me.state', 'on_call');
    });

    // The caller hangs up while Redis refuses the write once (a failover in progress).
    const callEnded = routing.offers.callEnded;
    routing.offers.callEnded = () => {
      routing.offers.callEnded = callEnded;
      return Promise.reject(new Error('CLUSTERDOWN The cluster is down'));
    };
    h.callEnded(first);

    const next = await h.caller({});
    const nextOffer = await desk.client.nextOffer();
    expect(nextOffer.taskId).toBe(next);
    expect(h.logs[0]?.text()).toContain('ending a task failed; the sweep will try again');
  });
});
