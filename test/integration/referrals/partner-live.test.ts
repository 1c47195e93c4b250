import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Emitter } from '@socket.io/redis-emitter';
import type { TTicketUpdated } from '../../../src/contracts/referrals-realtime';
import { openRedis, redisReady } from '../../../src/infra/redis';
import { ticketNotifier } from '../../../src/modules/tickets/ticket-notifier.provider';
import { ORIGIN, routingHarness } from '../../fixtures/routing-harness';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { createStaff, loginAs } from '../../fixtures/staff';

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
  client: TCounsellorClient;
  updates: TTicketUpdated[];
  next: () => Promise<TTicketUpdated>;
}> {
  const staff = await createStaff(h.stores, { role, organisationKey });
  const cookie = await loginAs(h.nodes[0] as never, staff);
  const client = await connectCounsellor({ url: h.urlOf(0), cookie, origin: ORIGIN });
  const updates: TTicketUpdated[] = [];
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
  return { client, updates, next };
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
});
