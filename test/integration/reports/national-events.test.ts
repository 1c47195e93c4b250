import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let ticket: string;
const cookies: Record<string, string> = {};

async function call(who: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await app.inject({
    method,
    url,
    headers: { cookie: cookies[who] ?? '' },
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

type TTable = { key: string; rows: Array<{ key: string; cells: unknown[] }> };
async function nationalTables(query: string): Promise<Record<string, Record<string, unknown[]>>> {
  const res = await call('statistician', 'GET', `/api/staff/reports/national?${query}`);
  expect(res.status).toBe(200);
  return Object.fromEntries(
    (res.body.tables as TTable[]).map((t) => [
      t.key,
      Object.fromEntries(t.rows.map((r) => [r.key, r.cells])),
    ]),
  );
}

beforeAll(async () => {
  stores = await createTestStores();
  await seedOrganisations(stores);
  ({ app } = await buildTestApp(stores));
  const shelter = await insertUnit(stores, { organisationKey: 'lwu-cwpc' });
  await insertRule(stores, { need: 'shelter', unitId: shelter.id });
  const person = await insertCaseWithPerson(stores, { age: 16 });
  ({ caseId, personId } = person);
  await stores.database.sql`update people set victim_status = 'identified',
    identification_date = '2026-02-20' where id = ${personId}`;
  const deps = workerDepsFor(stores);
  const { referralId } = await storeReferral(stores, deps.queues, {
    ...person,
    needs: ['shelter'],
  });
  const outcome = await dispatchReferral(deps, referralId, new Date());
  ticket = outcome?.tickets[0]?.id ?? '';
  await deps.queues.close();
  deps.redis.disconnect();
  // The provincial hospital does not use the system: staff record what it gave.
  await stores.database.sql`update organisations set uses_system = false where key = 'health'`;
  cookies.agent = await loginAs(
    app,
    await createStaff(stores, { role: 'partner_agent', organisationKey: 'lwu-cwpc' }),
  );
  cookies.supervisor = await loginAs(
    app,
    await createStaff(stores, { role: 'supervisor', hotlines: ['1362'] }),
  );
  cookies.statistician = await loginAs(app, await createStaff(stores, { role: 'statistician' }));
  for (const action of ['acknowledge', 'accept', 'start'])
    expect(
      (await call('agent', 'POST', `/api/partner/tickets/${ticket}/actions`, { action })).status,
    ).toBe(200);
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

describe('service events', () => {
  it('offers a partner the services of its kind from the catalogue, labelled in Lao and English', async () => {
    const view = await call('agent', 'GET', `/api/partner/tickets/${ticket}`);
    const kinds = view.body.serviceKinds as Array<{ code: string; lo: string; en: string }>;
    expect(kinds.map((k) => k.code)).toEqual(
      expect.arrayContaining([
        'first_aid',
        'hospital_escort',
        'follow_up_visit',
        'official_handover',
      ]),
    );
    expect(kinds.find((k) => k.code === 'hospital_escort')).toEqual({
      code: 'hospital_escort',
      lo: 'ການພາໄປໂຮງໝໍ',
      en: 'Escort to hospital',
    });
  });

  it('counts a partner service event of quantity 3 as one person and three times', async () => {
    const escort = await call('agent', 'POST', `/api/partner/tickets/${ticket}/services`, {
      service: 'hospital_escort',
      givenOn: '2026-03-10',
      quantity: 3,
    });
    expect(escort.status).toBe(200);
    const view = await call('agent', 'GET', `/api/partner/tickets/${ticket}`);
    expect(view.body.services).toEqual([
      { service: 'hospital_escort', givenOn: '2026-03-10', quantity: 3, endsOn: null },
    ]);
    const tables = await nationalTables('period=month&year=2026&month=3');
    // people, female, under 18, times
    expect(tables['service-events']?.hospital_escort).toEqual([1, 1, 1, 3]);
    expect(tables['service-events']?.total).toEqual([1, 1, 1, 3]);
  });

  it('refuses a service the partner kind does not offer, and says why', async () => {
    const res = await call('agent', 'POST', `/api/partner/tickets/${ticket}/services`, {
      service: 'cash_grant',
      givenOn: '2026-03-10',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: 'SERVICE_NOT_OFFERED' } });
  });

  it('lets staff record services for an organisation that does not use the system, and only those', async () => {
    const given = await call('supervisor', 'POST', `/api/staff/cases/${caseId}/services`, {
      organisation: 'health',
      personId,
      service: 'first_aid',
      givenOn: '2026-03-11',
      quantity: 2,
    });
    expect(given.status).toBe(201);
    const twice = await call('supervisor', 'POST', `/api/staff/cases/${caseId}/services`, {
      organisation: 'lwu-cwpc',
      service: 'shelter',
      givenOn: '2026-03-11',
    });
    expect(twice.body).toMatchObject({ error: { code: 'ORGANISATION_USES_SYSTEM' } });
    const tables = await nationalTables('period=month&year=2026&month=3');
    expect(tables['service-events']?.first_aid).toEqual([1, 1, 1, 2]);
    expect(tables['service-events']?.total).toEqual([1, 1, 1, 5]);
    const audit = await stores.database.sql`
      select count(*)::int as n from audit_log where action = 'case.service_recorded' and entity_id = ${caseId}`;
    expect(audit[0]?.n).toBe(1);
  });
});

describe('shelter census and sheltered people by nationality and sex', () => {
  it('counts the people in a shelter on the last day of the period, not those who left', async () => {
    // Stayed from 1 to 20 March: sheltered in March, gone by the 31st.
    await call('agent', 'POST', `/api/partner/tickets/${ticket}/services`, {
      service: 'shelter',
      givenOn: '2026-03-01',
      endsOn: '2026-03-20',
    });
    let tables = await nationalTables('period=month&year=2026&month=3');
    expect(tables['shelter-census']?.in_shelter).toEqual([0, 0, 0]);
    expect(tables['sheltered-by-nationality']?.LA).toEqual([1, 1, 0, 0, 0, 0]);
    // Back on 25 March, no leaving date yet: in the shelter on the 31st and on 30 April.
    await call('agent', 'POST', `/api/partner/tickets/${ticket}/services`, {
      service: 'shelter',
      givenOn: '2026-03-25',
    });
    tables = await nationalTables('period=month&year=2026&month=3');
    expect(tables['shelter-census']?.in_shelter).toEqual([1, 1, 0]);
    const april = await nationalTables('period=month&year=2026&month=4');
    expect(april['shelter-census']?.in_shelter).toEqual([1, 1, 0]);
    expect(april['sheltered-by-nationality']?.total).toEqual([0, 0, 0, 0, 0, 0]);
    const february = await nationalTables('period=month&year=2026&month=2');
    expect(february['shelter-census']?.in_shelter).toEqual([0, 0, 0]);
  });
});
