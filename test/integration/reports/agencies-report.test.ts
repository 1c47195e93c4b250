import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchReferral } from '../../../src/modules/referrals/dispatch/dispatch-referral.service';
import type { TReferralNeed } from '../../../src/contracts/referral-vocabulary';
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
const cookies: Record<string, string> = {};
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const year = today.slice(0, 4);

async function call(who: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await app.inject({
    method,
    url,
    headers: { cookie: cookies[who] ?? '' },
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

async function act(who: string, ticket: string, ...actions: object[]) {
  for (const action of actions)
    expect((await call(who, 'POST', `/api/partner/tickets/${ticket}/actions`, action)).status).toBe(
      200,
    );
}

type TTable = {
  key: string;
  title: { lo: string; en: string };
  rows: Array<{ key: string; cells: unknown[] }>;
};

beforeAll(async () => {
  stores = await createTestStores();
  await seedOrganisations(stores);
  ({ app } = await buildTestApp(stores));
  const shelter = await insertUnit(stores, { organisationKey: 'lwu-cwpc' });
  const hospital = await insertUnit(stores, { organisationKey: 'health', kind: 'health' });
  await insertRule(stores, { need: 'shelter', unitId: shelter.id });
  await insertRule(stores, { need: 'medical', unitId: hospital.id });
  const girl = await insertCaseWithPerson(stores, { age: 16 });
  const man = await insertCaseWithPerson(stores, { age: 30 });
  await stores.database.sql`update people set sex = 'male' where id = ${man.personId}`;
  const deps = workerDepsFor(stores);
  const tickets: Array<{ id: string; unitId: string }> = [];
  const refer = async (person: typeof girl, needs: TReferralNeed[]) => {
    const { referralId } = await storeReferral(stores, deps.queues, { ...person, needs });
    const outcome = await dispatchReferral(deps, referralId, new Date());
    tickets.push(...(outcome?.tickets ?? []).map((t) => ({ id: t.id, unitId: t.unitId })));
  };
  await refer(girl, ['shelter', 'medical']);
  await refer(man, ['shelter']);
  await deps.queues.close();
  deps.redis.disconnect();
  cookies.lwu = await loginAs(
    app,
    await createStaff(stores, { role: 'partner_agent', organisationKey: 'lwu-cwpc' }),
  );
  cookies.health = await loginAs(
    app,
    await createStaff(stores, { role: 'partner_agent', organisationKey: 'health' }),
  );
  cookies.statistician = await loginAs(app, await createStaff(stores, { role: 'statistician' }));
  const atShelter = tickets.filter((t) => t.unitId === shelter.id).map((t) => t.id);
  const atHospital = tickets.filter((t) => t.unitId === hospital.id).map((t) => t.id);
  expect([atShelter.length, atHospital.length]).toEqual([2, 1]);
  const [girlShelter = '', manShelter = ''] = atShelter;
  for (const ticket of atShelter)
    await act('lwu', ticket, { action: 'acknowledge' }, { action: 'accept' }, { action: 'start' });
  const record = (ticket: string, service: string, quantity: number) =>
    call('lwu', 'POST', `/api/partner/tickets/${ticket}/services`, {
      service,
      givenOn: today,
      quantity,
    });
  expect((await record(girlShelter, 'follow_up_visit', 2)).status).toBe(200);
  expect((await record(manShelter, 'legal_aid', 1)).status).toBe(200);
  await act(
    'health',
    atHospital[0] ?? '',
    { action: 'acknowledge' },
    { action: 'decline', reason: 'no_capacity' },
  );
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

describe('national statistics by agency', () => {
  it("gives each agency's section its own referrals and services, titled in Lao and English", async () => {
    const res = await call('statistician', 'GET', `/api/staff/reports/agencies?year=${year}`);
    expect(res.status).toBe(200);
    const tables = res.body.tables as TTable[];
    expect(tables.map((t) => t.key)).toEqual([
      'agency-lwu',
      'agency-police',
      'agency-social-welfare',
      'agency-health',
      'agency-foreign-affairs',
      'agency-provincial-committees',
      'agency-other',
    ]);
    const section = (key: string) => {
      const table = tables.find((t) => t.key === key);
      return Object.fromEntries((table?.rows ?? []).map((r) => [r.key, r.cells]));
    };
    // people, female, under 18, times
    expect(section('agency-lwu')).toEqual({
      referred: [2, 1, 1, 2],
      accepted: [2, 1, 1, 2],
      declined: [0, 0, 0, 0],
      completed: [0, 0, 0, 0],
      legal_aid: [1, 0, 0, 1],
      follow_up_visit: [1, 1, 1, 2],
      services_total: [2, 1, 1, 3],
    });
    expect(section('agency-health')).toEqual({
      referred: [1, 1, 1, 1],
      accepted: [0, 0, 0, 0],
      declined: [1, 1, 1, 1],
      completed: [0, 0, 0, 0],
      services_total: [0, 0, 0, 0],
    });
    // The police received nothing: its section is there, with zeros and no invented rows.
    expect(section('agency-police').referred).toEqual([0, 0, 0, 0]);
    expect(tables.find((t) => t.key === 'agency-health')?.title).toEqual({
      lo: 'ຂະແໜງການສາທາລະນະສຸກ',
      en: 'Health sector',
    });
  });

  it('exports the by-agency view as a file with Lao and English headings', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/staff/reports/agencies/export?year=${year}&format=csv&audience=internal`,
      headers: { cookie: cookies.statistician ?? '' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('ສະຖິຕິລະດັບຊາດ ແຍກຕາມພາກສ່ວນ');
    expect(res.body).toContain('Health sector');
  });
});
