import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { caseEvents } from '../../../db/schema/cases';
import { magicLinks } from '../../../db/schema/tickets';
import { createMagicLink } from '../../../src/modules/referrals/delivery/magic-links.repository';
import { dispatchReferral } from '../../../src/modules/referrals/dispatch/dispatch-referral.service';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { createStaff, loginAs } from '../../fixtures/staff';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  storeReferral,
  workerDepsFor,
} from '../../fixtures/referrals-world';

let stores: TTestStores;
let app: FastifyInstance;
let caseId: string;
let personId: string;
let ticketA: string;
let ticketB: string;
const cookies: Record<string, string> = {};

async function call(who: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await app.inject({
    method,
    url,
    headers: cookies[who] ? { cookie: cookies[who] } : {},
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : null, raw: res.body };
}

async function magicCookieFor(ticketId: string): Promise<string> {
  const token = await createMagicLink(stores.database.db, ticketId, 72, new Date());
  const res = await app.inject({
    method: 'POST',
    url: '/api/partner/magic-link',
    payload: { token },
  });
  const psid = res.cookies.find((c) => c.name === 'psid');
  if (res.statusCode !== 200 || !psid) throw new Error(`magic link: ${res.statusCode}`);
  return `psid=${psid.value}`;
}

beforeAll(async () => {
  stores = await createTestStores();
  await seedOrganisations(stores);
  ({ app } = await buildTestApp(stores));
  const shelter = await insertUnit(stores, { organisationKey: 'lwu-cwpc' });
  const police = await insertUnit(stores, { kind: 'police', organisationKey: 'mps-atd' });
  await insertRule(stores, { need: 'shelter', unitId: shelter.id });
  await insertRule(stores, { need: 'police', unitId: police.id });
  const person = await insertCaseWithPerson(stores, { age: 16, name: 'Kham Vongsa' });
  caseId = person.caseId;
  personId = person.personId;
  const deps = workerDepsFor(stores);
  const { referralId } = await storeReferral(stores, deps.queues, {
    ...person,
    needs: ['shelter', 'police'],
  });
  const outcome = await dispatchReferral(deps, referralId, new Date());
  ticketA = outcome?.tickets.find((t) => t.unitId === shelter.id)?.id ?? '';
  ticketB = outcome?.tickets.find((t) => t.unitId === police.id)?.id ?? '';
  await deps.queues.close();
  deps.redis.disconnect();
  cookies.agentA = await loginAs(
    app,
    await createStaff(stores, { role: 'partner_agent', organisationKey: 'lwu-cwpc' }),
  );
  cookies.managerA = await loginAs(
    app,
    await createStaff(stores, { role: 'partner_manager', organisationKey: 'lwu-cwpc' }),
  );
  cookies.agentB = await loginAs(
    app,
    await createStaff(stores, { role: 'partner_agent', organisationKey: 'mps-atd' }),
  );
  cookies.counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
  cookies.magicA = await magicCookieFor(ticketA);
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

describe('partner isolation (authorization matrix)', () => {
  const matrix: Array<[string, 'GET' | 'POST', () => string, Record<string, number>, object?]> = [
    [
      'inbox',
      'GET',
      () => '/api/partner/tickets?box=unit',
      { anonymous: 401, counsellor: 401, magicA: 401, agentA: 200, managerA: 200, agentB: 200 },
    ],
    [
      'own ticket',
      'GET',
      () => `/api/partner/tickets/${ticketA}`,
      { anonymous: 401, counsellor: 401, magicA: 200, agentA: 200, managerA: 200, agentB: 404 },
    ],
    [
      'other organisation ticket',
      'GET',
      () => `/api/partner/tickets/${ticketB}`,
      { anonymous: 401, counsellor: 401, magicA: 404, agentA: 404, managerA: 404, agentB: 200 },
    ],
    [
      'act on another organisation ticket',
      'POST',
      () => `/api/partner/tickets/${ticketB}/notes`,
      { anonymous: 401, counsellor: 401, magicA: 404, agentA: 404, managerA: 404 },
      { note: 'Checked the file' },
    ],
    [
      'staff referral list',
      'GET',
      () => `/api/staff/referrals?caseId=${caseId}`,
      { anonymous: 401, magicA: 401, agentA: 403, agentB: 403, counsellor: 200 },
    ],
  ];

  for (const [name, method, url, expected, payload] of matrix) {
    it(`${name}: ${Object.entries(expected)
      .map(([w, s]) => `${w}→${s}`)
      .join(', ')}`, async () => {
      const got: Record<string, number> = {};
      for (const who of Object.keys(expected))
        got[who] = (await call(who, method, url(), payload)).status;
      expect(got).toEqual(expected);
    });
  }

  it('lists only the organisation’s own tickets in the inbox', async () => {
    const a = await call('agentA', 'GET', '/api/partner/tickets?box=unit');
    const b = await call('agentB', 'GET', '/api/partner/tickets?box=unit');
    expect(a.body.map((t: { id: string }) => t.id)).toEqual([ticketA]);
    expect(b.body.map((t: { id: string }) => t.id)).toEqual([ticketB]);
  });

  it('shows the partner the fields its kind needs and never the name', async () => {
    const view = await call('agentB', 'GET', `/api/partner/tickets/${ticketB}`);
    expect(view.raw).not.toContain('Kham');
    expect(view.body.subject).toMatchObject({
      isChild: true,
      exploitationForms: ['forced_labour'],
    });
    const shelterView = await call('agentA', 'GET', `/api/partner/tickets/${ticketA}`);
    expect(shelterView.body.subject).not.toHaveProperty('exploitationForms');
  });

  it('opens a magic link once, and never after it expired', async () => {
    const token = await createMagicLink(stores.database.db, ticketA, 72, new Date());
    const first = await app.inject({
      method: 'POST',
      url: '/api/partner/magic-link',
      payload: { token },
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/partner/magic-link',
      payload: { token },
    });
    expect([first.statusCode, again.statusCode]).toEqual([200, 401]);
    const old = await createMagicLink(
      stores.database.db,
      ticketA,
      1,
      new Date(Date.now() - 2 * 3600_000),
    );
    const expired = await app.inject({
      method: 'POST',
      url: '/api/partner/magic-link',
      payload: { token: old },
    });
    expect(expired.json()).toMatchObject({ error: { code: 'MAGIC_LINK_INVALID' } });
    const stored = await stores.database.db
      .select()
      .from(magicLinks)
      .where(eq(magicLinks.ticketId, ticketA));
    expect(stored.map((l) => l.tokenHash)).not.toContain(token);
  });
});

describe('requesting a referral through the staff API', () => {
  it('stores it for a counsellor of the case and refuses partner users', async () => {
    const body = { caseId, personId, needs: ['shelter'], priority: 'routine' };
    const made = await call('counsellor', 'POST', '/api/staff/referrals', body);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ enqueued: true });
    expect((await call('agentA', 'POST', '/api/staff/referrals', body)).status).toBe(403);
    const stranger = await loginAs(
      app,
      await createStaff(stores, { role: 'counsellor', hotlines: ['1512'] }),
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/referrals',
      headers: { cookie: stranger },
      payload: body,
    });
    expect(res.json()).toMatchObject({ error: { code: 'CASE_NOT_FOUND' } });
  });
});

describe('what the partner records flows back to the case', () => {
  it('moves the ticket through its states and shows each update on the case timeline, without the note text', async () => {
    const steps = [{ action: 'acknowledge' }, { action: 'accept' }, { action: 'start' }];
    for (const body of steps)
      expect(
        (await call('agentA', 'POST', `/api/partner/tickets/${ticketA}/actions`, body)).status,
      ).toBe(200);
    const early = await call('magicA', 'POST', `/api/partner/tickets/${ticketA}/actions`, {
      action: 'accept',
    });
    expect(early.body).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    const service = await call('agentA', 'POST', `/api/partner/tickets/${ticketA}/services`, {
      service: 'shelter',
      givenOn: '2026-11-20',
      note: 'Bed in the Vientiane centre',
    });
    expect(service.status).toBe(200);
    const done = await call('magicA', 'POST', `/api/partner/tickets/${ticketA}/actions`, {
      action: 'complete',
      outcome: 'reintegrated',
    });
    expect(done.body).toMatchObject({ state: 'completed' });
    const timeline = await stores.database.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId));
    const partnerUpdates = timeline
      .filter((e) => e.kind === 'partner.update')
      .map((e) => e.data.change);
    expect(partnerUpdates).toEqual([
      'acknowledge',
      'accept',
      'start',
      'service_shelter',
      'complete',
    ]);
    expect(JSON.stringify(timeline)).not.toContain('Vientiane centre');
    const seen = await call('counsellor', 'GET', `/api/staff/referrals?caseId=${caseId}`);
    expect(
      seen.body
        .flatMap((r: { tickets: Array<{ id: string }> }) => r.tickets)
        .find((t: { id: string }) => t.id === ticketA),
    ).toMatchObject({
      state: 'completed',
      outcome: 'reintegrated',
    });
  });
});
