import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Emitter } from '@socket.io/redis-emitter';
import type { TTicketUpdated } from '../../../src/contracts/referrals-realtime';
import { openRedis, redisReady } from '../../../src/infra/redis';
import { ticketNotifier } from '../../../src/modules/referrals/tickets/ticket-notifier.provider';
import { dispatchReferral } from '../../../src/modules/referrals/dispatch/dispatch-referral.service';
import { ORIGIN, routingHarness } from '../../fixtures/routing-harness';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { createStaff, loginAs } from '../../fixtures/staff';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  storeReferral,
  workerDepsFor,
} from '../../fixtures/referrals-world';

let h: Awaited<ReturnType<typeof routingHarness>>;

beforeAll(async () => {
  h = await routingHarness({ nodes: 1 });
});
afterAll(() => h.close());

/** A partner user's browser: signed in, socket connected, recording ticket pushes. */
async function partnerBrowser(
  role: 'partner_agent' | 'partner_manager',
  organisationKey: string,
): Promise<{
  cookie: string;
  client: TCounsellorClient;
  updates: TTicketUpdated[];
  /** Every event this socket received, of any name, as sent. */
  heard: string[];
  next: () => Promise<TTicketUpdated>;
}> {
  const staff = await createStaff(h.stores, { role, organisationKey });
  const cookie = await loginAs(h.nodes[0] as never, staff);
  const client = await connectCounsellor({ url: h.urlOf(0), cookie, origin: ORIGIN });
  const updates: TTicketUpdated[] = [];
  const heard: string[] = [];
  client.socket.onAny((event: string, ...args: unknown[]) =>
    heard.push(event + JSON.stringify(args)),
  );
  const waiting: Array<(u: TTicketUpdated) => void> = [];
  client.socket.on('ticket:updated', (u) => {
    updates.push(u);
    waiting.shift()?.(u);
  });
  let seen = 0;
  const next = () =>
    updates.length > seen
      ? Promise.resolve(updates[seen++] as TTicketUpdated)
      : new Promise<TTicketUpdated>((resolve) =>
          waiting.push((u) => {
            seen++;
            resolve(u);
          }),
        );
  return { cookie, client, updates, heard, next };
}

const ticket = (id: string, organisationKey: string) => ({
  id,
  referralId: `r-${id}`,
  organisationKey,
  state: 'pending' as const,
  escalationLevel: 0,
});

describe('partner portal live updates', () => {
  it("push a ticket to the partner organisation's users, and to nobody else's", async () => {
    const agent = await partnerBrowser('partner_agent', 'lwu-cwpc');
    const manager = await partnerBrowser('partner_manager', 'lwu-cwpc');
    const other = await partnerBrowser('partner_agent', 'other-org');
    const connection = openRedis(inject('redisUrl'));
    await redisReady(connection);
    const notify = ticketNotifier(
      new Emitter(connection, { key: `${h.stores.config.REDIS_PREFIX}:io` }),
    );

    notify.toPartner(ticket('t-1', 'lwu-cwpc'), 'created');
    notify.toPartner(ticket('t-2', 'other-org'), 'created');
    expect((await agent.next()).ticketId).toBe('t-1');
    expect((await manager.next()).ticketId).toBe('t-1');
    // Pushes arrive in order, so the other organisation's first push being its own shows it
    // never got t-1.
    expect((await other.next()).ticketId).toBe('t-2');
    expect(other.updates.map((u) => u.ticketId)).toEqual(['t-2']);
    connection.disconnect();
  });

  it('a ticket changed through the partner API is heard by its organisation only', async () => {
    await seedOrganisations(h.stores);
    const shelter = await insertUnit(h.stores, { organisationKey: 'lwu-cwpc' });
    const police = await insertUnit(h.stores, { kind: 'police', organisationKey: 'mps-atd' });
    await insertRule(h.stores, { need: 'shelter', unitId: shelter.id });
    await insertRule(h.stores, { need: 'police', unitId: police.id });
    const person = await insertCaseWithPerson(h.stores, { age: 16 });
    const deps = workerDepsFor(h.stores);
    const { referralId } = await storeReferral(h.stores, deps.queues, {
      ...person,
      needs: ['shelter', 'police'],
    });
    const outcome = await dispatchReferral(deps, referralId, new Date());
    await deps.queues.close();
    deps.redis.disconnect();
    const ticketA = outcome?.tickets.find((t) => t.unitId === shelter.id)?.id ?? '';
    const ticketB = outcome?.tickets.find((t) => t.unitId === police.id)?.id ?? '';
    expect(ticketA && ticketB).toBeTruthy();

    const agentA = await partnerBrowser('partner_agent', 'lwu-cwpc');
    const agentB = await partnerBrowser('partner_agent', 'mps-atd');
    const acknowledge = async (cookie: string, ticketId: string) => {
      const res = await (h.nodes[0] as FastifyInstance).inject({
        method: 'POST',
        url: `/api/partner/tickets/${ticketId}/actions`,
        headers: { cookie },
        payload: { action: 'acknowledge' },
      });
      expect(res.statusCode).toBe(200);
    };

    await acknowledge(agentB.cookie, ticketB);
    expect(await agentB.next()).toMatchObject({ ticketId: ticketB, state: 'acknowledged' });
    // Published after B's push on the same connection, so it reaches A after B's would have.
    await acknowledge(agentA.cookie, ticketA);
    expect(await agentA.next()).toMatchObject({ ticketId: ticketA, state: 'acknowledged' });
    expect(agentA.updates.map((u) => u.ticketId)).toEqual([ticketA]);
    // Nor did any other event of any name carry B's ticket.
    expect(agentA.heard.join('\n')).not.toContain(ticketB);
  });
});
