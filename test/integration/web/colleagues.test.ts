import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { routingHarness } from '../../fixtures/routing-harness';
import { createStaff, loginAs } from '../../fixtures/staff';

let h: Awaited<ReturnType<typeof routingHarness>>;
let app: FastifyInstance;

beforeAll(async () => {
  h = await routingHarness({ nodes: 1 });
  app = h.nodes[0] as FastifyInstance;
});
afterAll(() => h.close());

const colleagues = async (cookie: string) => {
  const res = await app.inject({
    method: 'GET',
    url: '/api/staff/colleagues/available',
    headers: { cookie },
  });
  return { status: res.statusCode, body: res.json() as { colleagues: unknown[] } };
};

describe('warm transfer: available colleagues for a counsellor', () => {
  it('lists available colleagues of my hotlines by name only', async () => {
    const me = await h.counsellor({ hotlines: ['1362'] });
    const ready = await h.counsellor({ hotlines: ['1362', '1554'] });
    const away = await h.counsellor({ hotlines: ['1362'] });
    const elsewhere = await h.counsellor({ hotlines: ['1512'] });
    for (const c of [me, ready, elsewhere])
      await c.client.socket.emitWithAck('presence:set', { state: 'available' });
    await away.client.socket.emitWithAck('presence:set', { state: 'away', reason: 'break' });

    const listed = await colleagues(me.cookie);
    expect(listed).toEqual({
      status: 200,
      body: { colleagues: [{ userId: ready.staff.id, displayName: 'Test counsellor' }] },
    });
  });

  it('is not open to partners', async () => {
    const partner = await createStaff(h.stores, {
      role: 'partner_agent',
      organisationKey: 'org',
    });
    expect((await colleagues(await loginAs(app, partner))).status).toBe(403);
  });
});
