import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { staffRoles, type TStaffRole } from '../../../db/schema/staff';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs, type TTestStaff } from '../../fixtures/staff';
import { staffCall } from '../../fixtures/records';
import type { TActor } from '../../../src/modules/auth/actor';
import { createCase } from '../../../src/modules/cases/cases.service';
import { createContact } from '../../../src/modules/contacts/contacts.service';
import { addPersonToCase } from '../../../src/modules/people/people.service';

// Every records route × every role × a record the actor owns, one of their hotline owned by
// someone else, and one of another hotline. Grants are written out here on purpose, not read
// from permissions.table.ts, so a change to the table has to be made twice to pass.
type TVariant = 'own' | 'same' | 'other';
type TGrant = 'hotline' | 'own';
type TRecords = { caseId: string; personId: string; contactId: string };
type TRoute = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: string;
  ok: number;
  grants: Partial<Record<TStaffRole, TGrant>>;
  url: (r: TRecords) => string;
  body?: (r: TRecords, stores: TTestStores) => Promise<object> | object;
};

const caseWorkers = { counsellor: 'hotline', supervisor: 'hotline' } as const;
const version = async (stores: TTestStores, table: 'cases' | 'people', id: string) => {
  const [row] = await stores.database
    .sql`select version, ${table === 'cases' ? stores.database.sql`status` : stores.database.sql`null`} as status from ${stores.database.sql(table)} where id = ${id}`;
  return { version: Number(row?.version), status: row?.status as string | null };
};

const routes: TRoute[] = [
  {
    method: 'GET',
    path: '/cases/:id',
    ok: 200,
    grants: caseWorkers,
    url: (r) => `/cases/${r.caseId}`,
  },
  {
    method: 'PATCH',
    path: '/cases/:id',
    ok: 200,
    grants: { counsellor: 'own', supervisor: 'hotline' },
    url: (r) => `/cases/${r.caseId}`,
    body: async (r, s) => ({
      version: (await version(s, 'cases', r.caseId)).version,
      riskLevel: 'high',
    }),
  },
  {
    method: 'POST',
    path: '/cases/:id/status',
    ok: 200,
    grants: caseWorkers,
    url: (r) => `/cases/${r.caseId}/status`,
    body: async (r, s) => {
      const current = await version(s, 'cases', r.caseId);
      return {
        version: current.version,
        status: current.status === 'active' ? 'follow_up' : 'active',
      };
    },
  },
  {
    method: 'PUT',
    path: '/cases/:id/legal-hold',
    ok: 200,
    grants: { supervisor: 'hotline' },
    url: (r) => `/cases/${r.caseId}/legal-hold`,
    body: () => ({ legalHold: true }),
  },
  {
    method: 'GET',
    path: '/cases/:id/notes',
    ok: 200,
    grants: caseWorkers,
    url: (r) => `/cases/${r.caseId}/notes`,
  },
  {
    method: 'POST',
    path: '/cases/:id/notes',
    ok: 201,
    grants: caseWorkers,
    url: (r) => `/cases/${r.caseId}/notes`,
    body: () => ({ body: 'matrix note' }),
  },
  {
    method: 'GET',
    path: '/cases/:id/timeline',
    ok: 200,
    grants: caseWorkers,
    url: (r) => `/cases/${r.caseId}/timeline`,
  },
  {
    method: 'GET',
    path: '/cases/:id/contacts',
    ok: 200,
    grants: caseWorkers,
    url: (r) => `/cases/${r.caseId}/contacts`,
  },
  {
    method: 'POST',
    path: '/cases/:id/people',
    ok: 201,
    grants: caseWorkers,
    url: (r) => `/cases/${r.caseId}/people`,
    body: () => ({ role: 'other_party', sex: 'male' }),
  },
  {
    method: 'GET',
    path: '/people/:id',
    ok: 200,
    grants: caseWorkers,
    url: (r) => `/people/${r.personId}`,
  },
  {
    method: 'PATCH',
    path: '/people/:id',
    ok: 200,
    grants: caseWorkers,
    url: (r) => `/people/${r.personId}`,
    body: async (r, s) => ({
      version: (await version(s, 'people', r.personId)).version,
      needs: ['shelter'],
    }),
  },
  {
    method: 'GET',
    path: '/people/:id/consents',
    ok: 200,
    grants: caseWorkers,
    url: (r) => `/people/${r.personId}/consents`,
  },
  {
    method: 'POST',
    path: '/people/:id/consents',
    ok: 201,
    grants: caseWorkers,
    url: (r) => `/people/${r.personId}/consents`,
    body: () => ({
      scope: 'follow_up_contact',
      granted: true,
      givenBy: 'self',
      method: 'verbal_phone',
    }),
  },
  {
    method: 'GET',
    path: '/contacts/:id',
    ok: 200,
    grants: caseWorkers,
    url: (r) => `/contacts/${r.contactId}`,
  },
  {
    method: 'PATCH',
    path: '/contacts/:id',
    ok: 200,
    grants: { counsellor: 'own', supervisor: 'hotline' },
    url: (r) => `/contacts/${r.contactId}`,
    body: () => ({ noVoicemail: true }),
  },
  {
    method: 'POST',
    path: '/cases',
    ok: 201,
    grants: caseWorkers,
    url: () => '/cases',
    body: (r) => ({ hotline: r.caseId === 'other' ? '1554' : '1362' }),
  },
  {
    method: 'POST',
    path: '/contacts',
    ok: 201,
    grants: caseWorkers,
    url: () => '/contacts',
    body: (r) => ({
      hotline: r.caseId === 'other' ? '1554' : '1362',
      channel: 'call',
      language: 'lo',
      callerType: 'self',
      contactType: 'silent',
    }),
  },
  {
    method: 'POST',
    path: '/callers/flags',
    ok: 201,
    grants: { supervisor: 'hotline' },
    url: () => '/callers/flags',
    body: (r) => ({
      phone: '+8562011112222',
      hotline: r.caseId === 'other' ? '1554' : '1362',
      kind: 'prank',
    }),
  },
];

/** Expected status for a role and a record variant. Creating routes map own/same to the actor's hotline. */
function expected(route: TRoute, role: TStaffRole, variant: TVariant): number {
  const grant = route.grants[role];
  if (!grant) return 403;
  const creating =
    route.path === '/cases' || route.path === '/contacts' || route.path === '/callers/flags';
  if (creating) return variant === 'other' ? 403 : route.ok;
  if (variant === 'other') return 404;
  if (variant === 'same' && grant === 'own') return 403;
  return route.ok;
}

let stores: TTestStores;
let app: FastifyInstance;
const actors = new Map<TStaffRole, { user: TTestStaff; cookie: string }>();
const records = new Map<string, TRecords>();
let stranger: TTestStaff;

async function recordsOwnedBy(ownerId: string, hotline: string): Promise<TRecords> {
  const owner: TActor = {
    userId: ownerId,
    role: 'supervisor',
    displayName: 'owner',
    hotlines: [hotline],
    languages: ['lo'],
    organisationKey: null,
    provinceCode: null,
    sessionId: 'seed',
  };
  const deps = { db: stores.database.db, config: stores.config };
  const created = await createCase(deps, owner, { hotline, summary: 'matrix case' });
  const person = await addPersonToCase(deps, owner, created.id, {
    role: 'victim',
    fullName: 'Matrix Person',
  });
  const contact = await createContact(deps, owner, {
    hotline,
    caseId: created.id,
    channel: 'call',
    language: 'lo',
    callerType: 'self',
    contactType: 'crisis',
  });
  return { caseId: created.id, personId: person.id, contactId: contact.id };
}

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  stranger = await createStaff(stores, { role: 'counsellor', hotlines: ['1554'] });
  for (const role of staffRoles) {
    const user = await createStaff(stores, {
      role,
      hotlines: ['1362'],
      organisationKey: role.startsWith('partner') ? 'lwu-cwpc' : null,
      provinceCode: 'LA-VT',
    });
    actors.set(role, { user, cookie: await loginAs(app, user) });
    const colleague = await createStaff(stores, { role: 'counsellor', hotlines: ['1362'] });
    records.set(`${role}-own`, await recordsOwnedBy(user.id, '1362'));
    records.set(`${role}-same`, await recordsOwnedBy(colleague.id, '1362'));
    records.set(`${role}-other`, await recordsOwnedBy(stranger.id, '1554'));
  }
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

describe('authorization matrix', () => {
  for (const route of routes) {
    for (const role of staffRoles) {
      it(`${route.method} ${route.path} as ${role}: own / same hotline / other hotline`, async () => {
        const { cookie } = actors.get(role) as { cookie: string };
        const got: number[] = [];
        const want: number[] = [];
        for (const variant of ['own', 'same', 'other'] as const) {
          const base = records.get(`${role}-${variant}`) as TRecords;
          const r =
            route.path === '/cases' || route.path === '/contacts' || route.path === '/callers/flags'
              ? { ...base, caseId: variant }
              : base;
          const body = route.body ? await route.body(r, stores) : undefined;
          got.push((await staffCall(app, cookie, route.method, route.url(r), body)).status);
          want.push(expected(route, role, variant));
        }
        expect(got).toEqual(want);
      });
    }
  }

  it('covers every records route the API documents, and refuses all staff routes without a session', async () => {
    const doc = (await app.inject('/docs/json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const staff = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/staff'))
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => ({ path, method: m.toUpperCase() })),
      );
    const documented = new Set(
      staff.map((r) => `${r.method} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    for (const route of routes)
      expect(documented).toContain(`${route.method} /api/staff${route.path}`);
    for (const r of staff) {
      const url = r.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await app.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(`${r.method} ${r.path} ${res.statusCode}`).toBe(`${r.method} ${r.path} 401`);
    }
  });

  it("keeps search results inside the actor's hotlines", async () => {
    const { cookie } = actors.get('counsellor') as { cookie: string };
    const found = await staffCall(app, cookie, 'POST', '/search/cases', { limit: 200 });
    const hotlines = new Set(
      (found.body as unknown as Array<{ hotline: string }>).map((c) => c.hotline),
    );
    expect([...hotlines]).toEqual(['1362']);
    const statistician = actors.get('statistician') as { cookie: string };
    expect((await staffCall(app, statistician.cookie, 'POST', '/search/cases', {})).status).toBe(
      403,
    );
  });

  it('lets only administrators manage accounts, retention and keys', async () => {
    for (const role of staffRoles) {
      const { cookie } = actors.get(role) as { cookie: string };
      const admin = role === 'administrator';
      expect((await staffCall(app, cookie, 'GET', '/admin/retention')).status).toBe(
        admin ? 200 : 403,
      );
      expect((await staffCall(app, cookie, 'POST', '/admin/keys/rotate')).status).toBe(
        admin ? 202 : 403,
      );
      expect((await staffCall(app, cookie, 'GET', '/admin/audit/verify')).status).toBe(
        admin ? 200 : 403,
      );
      const list = await staffCall(app, cookie, 'GET', '/users');
      expect(list.status).toBe(admin || role === 'supervisor' ? 200 : 403);
    }
  });
});
