import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import twilio from 'twilio';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { staffRoles } from '../../../db/schema/staff';
import { errorCatalogue } from '../../../src/errors/catalogue';
import { can } from '../../../src/modules/auth/permissions.policy';
import type { TAction } from '../../../src/modules/auth/permissions.table';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline, newCallSid } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import {
  anyString,
  declaredKeys,
  formNear,
  leaksInternals,
  objectNear,
  rawBody,
} from './support/fuzz-inputs';
import {
  buildInventoriedApp,
  isPartnerRoute,
  isStaffRoute,
  isTwilioRoute,
  type TRouteEntry,
} from './support/route-inventory';

// Runs per route and input family; FUZZ_RUNS raises it for a deeper local run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

let stores: TTestStores;
let app: FastifyInstance;
let routes: TRouteEntry[];
const cookieFor = new Map<string, string>();

beforeAll(async () => {
  stores = await createTestStores({ RATE_LIMIT_MAX: '1000000', LOGIN_RATE_LIMIT_MAX: '1000' });
  await createHotline(stores.database.db);
  ({ app, routes } = await buildInventoriedApp(stores));
  for (const role of staffRoles) {
    const partner = role.startsWith('partner');
    const user = await createStaff(stores, {
      role,
      ...(partner ? { organisationKey: 'lwu-cwpc' } : {}),
    });
    cookieFor.set(role, await loginAs(app, user));
  }
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

const fuzzable = () =>
  routes.filter((r) => !r.url.startsWith('/docs') && r.url !== '/*' && r.url !== '/auth/logout');

/** A session that passes the boundary, so the input reaches validation and the handler. */
function sessionFor(r: TRouteEntry): Record<string, string> {
  if (!isStaffRoute(r) && !isPartnerRoute(r)) {
    const any = cookieFor.get('counsellor');
    return r.url === '/auth/me' && any ? { cookie: any } : {};
  }
  if (!r.permission) return {};
  const candidates = isPartnerRoute(r)
    ? staffRoles.filter((x) => x.startsWith('partner'))
    : staffRoles;
  const role = candidates.find((x) =>
    can(
      {
        role: x,
        userId: '',
        displayName: '',
        hotlines: [],
        languages: [],
        organisationKey: null,
        provinceCode: null,
        sessionId: '',
      },
      r.permission as TAction,
    ),
  );
  const cookie = role && cookieFor.get(role);
  return cookie ? { cookie } : {};
}

function fillParams(url: string, values: string[]): string {
  let i = 0;
  return url.replace(/:[A-Za-z0-9_]+/g, () => encodeURIComponent(values[i++] ?? 'x'));
}

let failures: string[] = [];

async function check(r: TRouteEntry, options: InjectOptions): Promise<boolean> {
  const res = await app.inject(options);
  let bad = res.statusCode >= 500 || leaksInternals(res.body);
  if (!bad && res.statusCode >= 400 && String(res.headers['content-type']).includes('json')) {
    const code = (res.json() as { error?: { code?: string } }).error?.code;
    bad = !code || !(code in errorCatalogue);
  }
  if (bad)
    failures.push(
      `${r.method} ${r.url} ${options.url} → ${res.statusCode} ${res.body.slice(0, 200)}`,
    );
  return !bad;
}

describe('random and malformed input never gives a 5xx or a stack trace', () => {
  beforeEach(() => {
    failures = [];
  });

  it('on every route with a schema: bodies near the schema, raw junk, odd queries and params', async () => {
    const tried: string[] = [];
    for (const r of fuzzable()) {
      tried.push(`${r.method} ${r.url}`);
      const headers = sessionFor(r);
      const bodyKeys = declaredKeys(r.schema.body);
      const queryKeys = declaredKeys(r.schema.querystring);
      const paramCount = (r.url.match(/:[A-Za-z0-9_]+/g) ?? []).length;
      const target = fc.record({
        params: fc.array(anyString, { minLength: paramCount, maxLength: paramCount }),
        query: formNear(queryKeys),
      });
      const url = (t: { params: string[]; query: Record<string, string> }) =>
        `${fillParams(r.url, t.params)}?${new URLSearchParams(t.query).toString()}`;
      const method = r.method as InjectOptions['method'];
      await fc.assert(
        fc.asyncProperty(target, objectNear(bodyKeys), (t, body) =>
          check(r, {
            method,
            url: url(t),
            headers,
            ...(r.method === 'GET' ? {} : { payload: body }),
          }),
        ),
        { numRuns: RUNS },
      );
      if (r.method === 'GET') continue;
      await fc.assert(
        fc.asyncProperty(target, rawBody, (t, raw) =>
          check(r, {
            method,
            url: url(t),
            headers: {
              ...headers,
              ...(raw.contentType ? { 'content-type': raw.contentType } : {}),
            },
            payload: raw.payload,
          }),
        ),
        { numRuns: RUNS },
      );
    }
    expect(tried.length).toBeGreaterThan(5);
    expect(failures).toEqual([]);
  }, 240_000); // dozens of routes × input families on a shared 2-core machine

  it('on every signed Twilio webhook: validly signed random forms reach the handler and get TwiML', async () => {
    const signed = routes.filter((r) => isTwilioRoute(r) && r.twilioSignature !== false);
    const { TWILIO_AUTH_TOKEN: token, PUBLIC_BASE_URL: base } = stores.config;
    for (const r of signed) {
      const keys = [
        ...declaredKeys(r.schema.body),
        'From',
        'To',
        'Digits',
        'CallStatus',
        'SequenceNumber',
        'QueueResult',
        'CallDuration',
        'RecordingUrl',
      ];
      const form = fc.tuple(fc.oneof(fc.constant(newCallSid()), anyString), formNear(keys));
      const query = fc.record({
        hotline: fc.oneof(fc.constantFrom('1362', '1554', '99999999'), anyString),
        lang: fc.oneof(fc.constantFrom('lo', 'en', 'hm'), anyString),
        attempt: fc.oneof(fc.constantFrom('1', '2', '9'), anyString),
        reason: fc.oneof(fc.constantFrom('after-hours', 'fallback'), anyString),
      });
      await fc.assert(
        fc.asyncProperty(form, query, async ([callSid, fields], q) => {
          const params = { ...fields, CallSid: callSid };
          const path = `${r.url}?${new URLSearchParams(q).toString()}`;
          const signature = twilio.getExpectedTwilioSignature(token, base + path, params);
          return check(r, {
            method: 'POST',
            url: path,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-twilio-signature': signature,
            },
            payload: new URLSearchParams(params).toString(),
          });
        }),
        { numRuns: RUNS * 2 },
      );
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
