import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Emitter } from '@socket.io/redis-emitter';
import type { FastifyInstance } from 'fastify';
import type { TTicketUpdated } from '../../../src/contracts/referrals-realtime';
import { openRedis, redisReady } from '../../../src/infra/redis';
import type { TActor } from '../../../src/modules/auth/actor';
import { sessionDigest } from '../../../src/modules/auth/session.repository';
import { updateUser } from '../../../src/modules/auth/users.service';
import { ticketNotifier } from '../../../src/modules/referrals/tickets/ticket-notifier.provider';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { ORIGIN, routingHarness } from '../../fixtures/routing-harness';
import { createStaff, loginAs } from '../../fixtures/staff';
import { authKeyspace } from '../../../src/modules/auth/auth.keys';

let h: Awaited<ReturnType<typeof routingHarness>>;

beforeAll(async () => {
  h = await routingHarness({ nodes: 2 });
});
afterAll(() => h.close());

const node = (i: number) => h.nodes[i] as FastifyInstance;
const closed = (client: TCounsellorClient) =>
  client.socket.disconnected
    ? Promise.resolve()
    : new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));
/**
 * What the server answered, or 'disconnected' when the socket was closed first (a closed
 * socket.io-client buffers an emit forever, so the close is raced, not waited out).
 */
const emitted = (client: TCounsellorClient, event: string, payload: object) =>
  client.socket.disconnected
    ? Promise.resolve('disconnected')
    : Promise.race([
        (client.socket.emitWithAck as (e: string, p: object) => Promise<unknown>)(
          event,
          payload,
        ).catch(() => 'disconnected'),
        closed(client).then(() => 'disconnected'),
      ]);
/** A session ending by itself (idle or absolute time-out): its key's TTL runs out, no event. */
const expire = (cookie: string) =>
  h.stores.redis.del(
    `${authKeyspace(h.stores.config.REDIS_PREFIX)}:session:${sessionDigest(cookie.slice(4))}`,
  );
const ended = [{ error: 'UNAUTHENTICATED' }, 'disconnected'];
const admin: TActor = {
  userId: crypto.randomUUID(),
  role: 'administrator',
  displayName: 'Admin',
  hotlines: [],
  languages: [],
  organisationKey: null,
  provinceCode: null,
  sessionId: 'test',
};

describe('a session ending closes its live connection', () => {
  it('signing out closes the console on every node and it can no longer go available', async () => {
    const noy = await h.counsellor({ hotlines: ['1301'], node: 0 });
    const other = await h.connect(noy.cookie, 1);
    const bothClosed = Promise.all([closed(noy.client), closed(other)]);
    const out = await node(0).inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie: noy.cookie, origin: ORIGIN },
    });
    expect(out.statusCode).toBe(204);
    await bothClosed;
    expect(await emitted(other, 'presence:set', { state: 'available' })).toBe('disconnected');
    await expect(
      connectCounsellor({ url: h.urlOf(1), cookie: noy.cookie, origin: ORIGIN }),
    ).rejects.toThrow('UNAUTHENTICATED');
  });

  it('signing out closes only that session: the same user on another PC stays connected', async () => {
    const noy = await h.counsellor({ hotlines: ['1302'] });
    const desk = await loginAs(node(0), noy.staff);
    const deskClient = await h.connect(desk, 1);
    const gone = closed(noy.client);
    await node(0).inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie: noy.cookie, origin: ORIGIN },
    });
    await gone;
    expect(await emitted(deskClient, 'presence:set', { state: 'available' })).toEqual({
      data: expect.anything(),
    });
  });

  it('an expired session cannot set the counsellor available', async () => {
    const noy = await h.counsellor({ hotlines: ['1303'] });
    await expire(noy.cookie);
    expect(ended).toContainEqual(await emitted(noy.client, 'presence:set', { state: 'available' }));
    await closed(noy.client);
  });

  it('an expired session cannot accept the offer it received', async () => {
    const noy = await h.counsellor({ hotlines: ['1304'] });
    await noy.client.socket.emitWithAck('presence:set', { state: 'available' });
    const callSid = await h.caller({ hotline: '1304' });
    const offer = await noy.client.nextOffer();
    await expire(noy.cookie);
    expect(ended).toContainEqual(
      await emitted(noy.client, 'call:accept', { offerId: offer.offerId }),
    );
    await closed(noy.client);
    expect(h.twilio.requests.filter((r) => r.path.includes(callSid))).toEqual([]);
    await h.queue.remove(callSid, '1304');
  });

  it('changing languages, province or role ends the live sessions of that user', async () => {
    for (const change of [
      { languages: ['en'] },
      { provinceCode: 'LA-VT' },
      { role: 'supervisor' as const },
    ]) {
      const noy = await h.counsellor({ hotlines: ['1305'] });
      const gone = closed(noy.client);
      await updateUser(node(0).deps, admin, noy.staff.id, change);
      await gone;
      await expect(
        connectCounsellor({ url: h.urlOf(0), cookie: noy.cookie, origin: ORIGIN }),
      ).rejects.toThrow('UNAUTHENTICATED');
    }
  });

  it("a partner moved to another organisation stops receiving the old one's tickets", async () => {
    const staff = await createStaff(h.stores, {
      role: 'partner_agent',
      organisationKey: 'lwu-cwpc',
    });
    const cookie = await loginAs(node(0), staff);
    const client = await h.connect(cookie, 1);
    const updates: TTicketUpdated[] = [];
    client.socket.on('ticket:updated', (u) => updates.push(u));
    const connection = openRedis(inject('redisUrl'));
    await redisReady(connection);
    const notify = ticketNotifier(
      new Emitter(connection, { key: `${h.stores.config.REDIS_PREFIX}:io` }),
    );
    const ticket = (id: string) => ({
      id,
      referralId: `r-${id}`,
      organisationKey: 'lwu-cwpc',
      state: 'pending' as const,
      escalationLevel: 0,
    });
    const first = new Promise((resolve) => client.socket.once('ticket:updated', resolve));
    notify.toPartner(ticket('before-move'), 'created');
    await first;

    const gone = closed(client);
    await updateUser(node(0).deps, admin, staff.id, { organisationKey: 'other-org' });
    await gone;
    notify.toPartner(ticket('after-move'), 'created');
    await expect(connectCounsellor({ url: h.urlOf(0), cookie, origin: ORIGIN })).rejects.toThrow(
      'UNAUTHENTICATED',
    );
    expect(updates.map((u) => u.ticketId)).toEqual(['before-move']);
    await connection.quit();
  });
});
