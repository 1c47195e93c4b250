import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/audit';
import type { TCounsellorView, TWaitingCallerView } from '../../../src/contracts/realtime';
import { enterQueue } from '../../../src/modules/routing/tasks.service';
import { eventually, routingHarness } from '../../fixtures/routing-harness';

let h: Awaited<ReturnType<typeof routingHarness>>;
let app: FastifyInstance;

beforeAll(async () => {
  h = await routingHarness({ nodes: 2 });
  app = h.nodes[0] as FastifyInstance;
});
afterAll(() => h.close());

const available = { state: 'available' } as const;
const offline = { state: 'offline' } as const;

/**
 * Callers speak Hmong and the counsellors only Lao, so automatic dispatch leaves them waiting
 * (relaxation starts after a minute): only the supervisor's assignment moves them.
 */
const hmongCaller = (hotline = '1362', enqueuedAt?: number) =>
  h.caller({ hotline, language: 'hmn', node: 1, ...(enqueuedAt ? { enqueuedAt } : {}) });

async function queueOf(cookie: string): Promise<TWaitingCallerView[]> {
  const res = await app.inject({ url: '/api/staff/routing/queue', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { callers: TWaitingCallerView[] }).callers;
}

const auditRows = (
  callSid: string,
  action: 'routing.caller_assigned' | 'routing.caller_prioritised',
) =>
  h.stores.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, callSid), eq(auditLog.action, action)));

describe('supervisor queue: manual assignment and priority', () => {
  it('offers a waiting caller to the counsellor the supervisor names, across nodes, audited', async () => {
    const supervisor = await h.counsellor({ role: 'supervisor', node: 1 });
    const presence: TCounsellorView[] = [];
    supervisor.client.socket.on('presence:updated', (v) => presence.push(v));
    const noy = await h.counsellor({ node: 0 });
    await noy.client.socket.emitWithAck('presence:set', available);
    const callSid = await hmongCaller();

    const listed = await eventually(async () => {
      const q = await queueOf(supervisor.cookie);
      expect(q.map((c) => c.taskId)).toContain(callSid);
      return q.find((c) => c.taskId === callSid);
    });
    expect(listed).toMatchObject({ hotline: '1362', language: 'hmn', state: 'waiting' });
    expect(noy.client.offers).toHaveLength(0);

    const ack = await supervisor.client.socket.emitWithAck('queue:assign', {
      taskId: callSid,
      userId: noy.staff.id,
    });
    expect(ack).toHaveProperty('data.offerId');
    const offer = await noy.client.nextOffer();
    expect(offer).toMatchObject({ taskId: callSid, hotline: '1362', language: 'hmn' });
    if (!('data' in ack)) throw new Error('assignment failed');
    expect(offer.offerId).toBe(ack.data.offerId);
    // The wallboard sees the counsellor ringing without waiting for a snapshot.
    await eventually(() =>
      expect(presence).toContainEqual(
        expect.objectContaining({ userId: noy.staff.id, state: 'offered' }),
      ),
    );
    expect((await queueOf(supervisor.cookie)).find((c) => c.taskId === callSid)).toMatchObject({
      state: 'offered',
      offeredTo: noy.staff.id,
    });
    expect(await auditRows(callSid, 'routing.caller_assigned')).toHaveLength(1);

    // A rejected manual offer puts the caller back at the same place, like any offer.
    await noy.client.socket.emitWithAck('call:reject', { offerId: offer.offerId });
    await eventually(async () =>
      expect((await queueOf(supervisor.cookie)).find((c) => c.taskId === callSid)).toMatchObject({
        state: 'waiting',
        position: listed?.position,
      }),
    );
    // Assigned again, the counsellor accepts and the caller is bridged.
    const again = await app.inject({
      method: 'POST',
      url: `/api/staff/routing/queue/${callSid}/assign`,
      headers: { cookie: supervisor.cookie },
      payload: { userId: noy.staff.id },
    });
    expect(again.statusCode).toBe(200);
    const second = await noy.client.nextOffer();
    expect(await noy.client.socket.emitWithAck('call:accept', { offerId: second.offerId })).toEqual(
      { data: { taskId: callSid } },
    );
    expect(await h.queue.position(callSid, '1362')).toBeNull();
    await h.queue.remove(callSid, '1362');
  });

  it('never gives one counsellor two callers nor one caller two counsellors, however the clicks race', async () => {
    const a = await h.counsellor({ role: 'supervisor', hotlines: ['1554'], node: 0 });
    const b = await h.counsellor({ role: 'supervisor', hotlines: ['1554'], node: 1 });
    const one = await h.counsellor({ hotlines: ['1554'], node: 0 });
    const two = await h.counsellor({ hotlines: ['1554'], node: 1 });
    await one.client.socket.emitWithAck('presence:set', available);
    await two.client.socket.emitWithAck('presence:set', available);
    const first = await hmongCaller('1554');
    const second = await hmongCaller('1554');

    // Two supervisors, two callers, one counsellor.
    const sameCounsellor = await Promise.all([
      a.client.socket.emitWithAck('queue:assign', { taskId: first, userId: one.staff.id }),
      b.client.socket.emitWithAck('queue:assign', { taskId: second, userId: one.staff.id }),
    ]);
    expect(sameCounsellor.filter((r) => 'data' in r)).toHaveLength(1);
    expect(sameCounsellor.filter((r) => 'error' in r)).toEqual([
      { error: 'COUNSELLOR_NOT_AVAILABLE' },
    ]);
    const taken = await one.client.nextOffer();
    const free = taken.taskId === first ? second : first;

    // Two supervisors, one caller (still waiting), two counsellors: one of them gets it.
    const third = await h.counsellor({ hotlines: ['1554'], node: 0 });
    await third.client.socket.emitWithAck('presence:set', available);
    const sameCaller = await Promise.all([
      a.client.socket.emitWithAck('queue:assign', { taskId: free, userId: two.staff.id }),
      b.client.socket.emitWithAck('queue:assign', { taskId: free, userId: third.staff.id }),
    ]);
    expect(sameCaller.filter((r) => 'data' in r)).toHaveLength(1);
    expect(sameCaller.filter((r) => 'error' in r)).toEqual([{ error: 'CALLER_NOT_WAITING' }]);
    await eventually(() => expect(two.client.offers.length + third.client.offers.length).toBe(1));
    expect(one.client.offers).toHaveLength(1);

    for (const c of [one, two, third]) {
      for (const o of c.client.offers)
        await c.client.socket.emitWithAck('call:reject', { offerId: o.offerId });
      await c.client.socket.emitWithAck('presence:set', offline);
    }
    await h.queue.remove(first, '1554');
    await h.queue.remove(second, '1554');
  });

  it('refuses counsellors, busy targets and other hotlines with a machine-readable code', async () => {
    const supervisor = await h.counsellor({ role: 'supervisor', hotlines: ['1512'] });
    const counsellor = await h.counsellor({ hotlines: ['1512'] });
    const callSid = await hmongCaller('1512');
    const elsewhere = await hmongCaller('1362');

    const byCounsellor = await counsellor.client.socket.emitWithAck('queue:assign', {
      taskId: callSid,
      userId: counsellor.staff.id,
    });
    expect(byCounsellor).toEqual({ error: 'FORBIDDEN' });
    const http = await app.inject({
      method: 'POST',
      url: `/api/staff/routing/queue/${callSid}/assign`,
      headers: { cookie: counsellor.cookie },
      payload: { userId: counsellor.staff.id },
    });
    expect(http.statusCode).toBe(403);

    // The counsellor is signed in but not available.
    const notReady = await app.inject({
      method: 'POST',
      url: `/api/staff/routing/queue/${callSid}/assign`,
      headers: { cookie: supervisor.cookie },
      payload: { userId: counsellor.staff.id },
    });
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json().error.code).toBe('COUNSELLOR_NOT_AVAILABLE');

    // A caller of a hotline the supervisor does not watch is neither listed nor assignable.
    expect((await queueOf(supervisor.cookie)).map((c) => c.taskId)).toEqual([callSid]);
    await counsellor.client.socket.emitWithAck('presence:set', available);
    expect(
      await supervisor.client.socket.emitWithAck('queue:assign', {
        taskId: elsewhere,
        userId: counsellor.staff.id,
      }),
    ).toEqual({ error: 'CALLER_NOT_WAITING' });
    expect(
      await supervisor.client.socket.emitWithAck('queue:assign', {
        taskId: callSid,
        userId: 'nobody',
      }),
    ).toEqual({ error: 'COUNSELLOR_NOT_AVAILABLE' });
    await counsellor.client.socket.emitWithAck('presence:set', offline);
    await h.queue.remove(callSid, '1512');
    await h.queue.remove(elsewhere, '1362');
  });

  it('moves a boosted caller forward over the socket, audited', async () => {
    const supervisor = await h.counsellor({ role: 'supervisor', hotlines: ['1300'] });
    // A second apart: two callers in the same millisecond would tie, and Redis breaks ties by sid.
    const first = await hmongCaller('1300', Date.now() - 1_000);
    const child = await hmongCaller('1300', Date.now());
    const order = async () => (await queueOf(supervisor.cookie)).map((c) => c.taskId);
    expect(await order()).toEqual([first, child]);
    expect(
      await supervisor.client.socket.emitWithAck('queue:prioritise', {
        taskId: child,
        reason: 'child',
        boostMinutes: 5,
      }),
    ).toEqual({ data: { taskId: child } });
    expect(await order()).toEqual([child, first]);
    expect((await queueOf(supervisor.cookie))[0]).toMatchObject({
      position: 1,
      priorityBoostMs: 300_000,
    });
    expect(await auditRows(child, 'routing.caller_prioritised')).toHaveLength(1);
    await h.queue.remove(first, '1300');
    await h.queue.remove(child, '1300');
  });
});

describe('supervisor queue: a waiting chat', () => {
  it('is offered to the counsellor the supervisor names, like a call', async () => {
    const supervisor = await h.counsellor({ role: 'supervisor', hotlines: ['1554'], node: 1 });
    const noy = await h.counsellor({ hotlines: ['1554'], node: 0 });
    await noy.client.socket.emitWithAck('presence:set', available);
    // A Hmong chat (its id is the conversation's UUID): only an assignment reaches Noy.
    const taskId = randomUUID();
    const routing = (h.nodes[1] as FastifyInstance).services.routing;
    const task = {
      taskId,
      channel: 'chat' as const,
      hotline: '1554',
      language: 'hmn',
      enqueuedAt: Date.now(),
      priorityBoostMs: 0,
    };
    const entry = await enterQueue(routing, task);
    if (entry.state !== 'queued') throw new Error('chat not queued');
    await eventually(async () =>
      expect((await queueOf(supervisor.cookie)).map((c) => c.taskId)).toContain(taskId),
    );

    const moved = await supervisor.client.socket.emitWithAck('queue:prioritise', {
      taskId,
      reason: 'imminent-danger',
      boostMinutes: 10,
    });
    expect(moved).toEqual({ data: { taskId } });
    const ack = await supervisor.client.socket.emitWithAck('queue:assign', {
      taskId,
      userId: noy.staff.id,
    });
    expect(ack).toHaveProperty('data.offerId');
    expect(await noy.client.nextOffer()).toMatchObject({ taskId, channel: 'chat' });
    expect(await auditRows(taskId, 'routing.caller_assigned')).toHaveLength(1);
    // Not a task id at all: refused at the edge, nothing offered.
    expect(
      await supervisor.client.socket.emitWithAck('queue:assign', {
        taskId: 'chat; drop table',
        userId: noy.staff.id,
      }),
    ).toHaveProperty('error');
    await h.queue.remove(taskId, '1554');
  });
});
