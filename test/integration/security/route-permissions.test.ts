import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { staffRoles, type TStaffRole } from '../../../db/schema/staff';
import { can, isAction } from '../../../src/modules/auth/permissions.policy';
import type { TAction } from '../../../src/modules/auth/permissions.table';
import type { TActor } from '../../../src/modules/auth/actor';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import {
  buildInventoriedApp,
  concreteUrl,
  isPartnerRoute,
  isStaffRoute,
  isTwilioRoute,
  type TRouteEntry,
} from './support/route-inventory';

/**
 * Routes that need no session or signature, each with the reason. Anything else must be a staff
 * or partner route with a permission from permissions.table.ts, or a signed Twilio webhook.
 */
const publicRoutes: ReadonlyArray<{ method: string; url: RegExp; why: string }> = [
  { method: 'GET', url: /^\/healthz$/, why: 'liveness probe, no data' },
  { method: 'GET', url: /^\/readyz$/, why: 'readiness probe, booleans only' },
  { method: 'POST', url: /^\/auth\/(login|totp)$/, why: 'sign-in, rate limited per address+name' },
  { method: 'POST', url: /^\/auth\/logout$/, why: 'ends the caller’s own session only' },
  { method: 'GET', url: /^\/auth\/me$/, why: 'answers 401 without a live session' },
  {
    method: 'POST',
    url: /^\/auth\/password$/,
    why: 'own password only: a live session and the current password, rate limited',
  },
  {
    method: 'POST',
    url: /^\/auth\/passkey(\/options)?$/,
    why: 'sign-in step two by passkey: only for a pending password challenge; rate limited',
  },
  {
    method: 'GET',
    url: /^\/auth\/passkeys$/,
    why: 'own passkeys only: answers 401 without a live session',
  },
  {
    method: 'POST',
    url: /^\/auth\/passkeys(\/options)?$/,
    why: 'adds a passkey to the own account only: answers 401 without a live session',
  },
  {
    method: 'DELETE',
    url: /^\/auth\/passkeys\/:id$/,
    why: 'removes one of the own passkeys only: answers 401 without a live session',
  },
  { method: 'GET', url: /^\/docs(\/.*)?$/, why: 'OpenAPI document: schemas only, no data' },
  {
    method: 'GET',
    url: /^\/webhooks\/twilio\/prompts\/:hotline\/:language\/:file$/,
    why: 'prompt audio, fetched unsigned by Twilio, no personal data',
  },
  { method: 'GET', url: /^\/\*$/, why: 'web app shell (SERVE_WEB)' },
  {
    method: 'POST',
    url: /^\/api\/partner\/magic-link$/,
    why: 'exchanges a single-use SMS link for a one-ticket session; rate limited',
  },
];

const partnerRoles: ReadonlySet<TStaffRole> = new Set(['partner_agent', 'partner_manager']);

const isPublic = (r: TRouteEntry) =>
  publicRoutes.some((p) => p.method === r.method && p.url.test(r.url));

let stores: TTestStores;
let app: FastifyInstance;
let routes: TRouteEntry[];
const sessions = new Map<TStaffRole, { cookie: string; actor: TActor }>();

beforeAll(async () => {
  stores = await createTestStores({ RATE_LIMIT_MAX: '100000', LOGIN_RATE_LIMIT_MAX: '1000' });
  ({ app, routes } = await buildInventoriedApp(stores));
  for (const role of staffRoles) {
    const user = await createStaff(stores, {
      role,
      ...(partnerRoles.has(role) ? { organisationKey: 'lwu-cwpc' } : {}),
    });
    const actor: TActor = {
      userId: user.id,
      role,
      displayName: '',
      hotlines: user.hotlines,
      languages: ['lo'],
      organisationKey: user.organisationKey,
      provinceCode: user.provinceCode,
      sessionId: '',
    };
    sessions.set(role, { cookie: await loginAs(app, user), actor });
  }
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

describe('route inventory', () => {
  it('finds the routes of every trust boundary', () => {
    expect(routes.some(isTwilioRoute)).toBe(true);
    expect(routes.some((r) => r.url.startsWith('/auth/'))).toBe(true);
  });

  it('gives every route a declared permission, a Twilio signature or a stated public reason', () => {
    const undeclared = routes.filter((r) => {
      if (isPartnerRoute(r) && r.partnerAccess === 'public') return !isPublic(r);
      if (isStaffRoute(r) || isPartnerRoute(r)) return !isAction(r.permission);
      if (isTwilioRoute(r) && r.twilioSignature !== false) return false;
      return !isPublic(r);
    });
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('answers 401 on every staff and partner route without a session', async () => {
    const open: string[] = [];
    const guarded = routes.filter(
      (x) => isStaffRoute(x) || (isPartnerRoute(x) && x.partnerAccess !== 'public'),
    );
    for (const r of guarded) {
      const res = await app.inject({ method: r.method as 'GET', url: concreteUrl(r.url) });
      if (res.statusCode !== 401) open.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it('refuses every signed Twilio route without a signature (400) and with a wrong one (403)', async () => {
    const signed = routes.filter((r) => isTwilioRoute(r) && r.twilioSignature !== false);
    expect(signed.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const r of signed) {
      const url = `${concreteUrl(r.url)}?hotline=1362&lang=lo`;
      const payload = `CallSid=CA${'0'.repeat(32)}`;
      const headers = { 'content-type': 'application/x-www-form-urlencoded' };
      const missing = await app.inject({ method: r.method as 'POST', url, headers, payload });
      const bad = await app.inject({
        method: r.method as 'POST',
        url,
        headers: { ...headers, 'x-twilio-signature': 'bm90LWEtc2lnbmF0dXJl' },
        payload,
      });
      if (missing.statusCode !== 400 || bad.statusCode !== 403)
        wrong.push(`${r.method} ${r.url} → ${missing.statusCode}/${bad.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('authorization matrix: role × staff route', () => {
  it('lets a role through the boundary exactly when permissions.table grants its action', async () => {
    const mismatches: string[] = [];
    const staff = routes.filter(
      (r) => isStaffRoute(r) || (isPartnerRoute(r) && r.partnerAccess !== 'public'),
    );
    for (const r of staff) {
      for (const role of staffRoles) {
        const session = sessions.get(role);
        if (!session) throw new Error(`no session for ${role}`);
        const res = await app.inject({
          method: r.method as 'GET',
          url: concreteUrl(r.url, '00000000-0000-4000-8000-000000000000'),
          headers: { cookie: session.cookie },
          ...(r.method === 'GET' ? {} : { payload: {} }),
        });
        // The partner boundary admits partner roles with an organisation only.
        const granted =
          can(session.actor, r.permission as TAction) &&
          (!isPartnerRoute(r) || partnerRoles.has(role));
        const refused = res.statusCode === 403 || res.statusCode === 401;
        if (granted === refused)
          mismatches.push(`${role} ${r.method} ${r.url}: granted=${granted} got ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
