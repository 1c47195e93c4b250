import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import twilio from 'twilio';
import type { FastifyInstance } from 'fastify';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { createHotline, newCallSid } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

let stores: TTestStores;
let app: FastifyInstance;

beforeAll(async () => {
  stores = await createTestStores();
  await createHotline(stores.database.db);
  ({ app } = await buildTestApp(stores));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

type TSigned = { path: string; params: Record<string, string>; signature: string };

const sign = (path: string, params: Record<string, string>, token?: string, base?: string) =>
  twilio.getExpectedTwilioSignature(
    token ?? stores.config.TWILIO_AUTH_TOKEN,
    (base ?? stores.config.PUBLIC_BASE_URL) + path,
    params,
  );

const send = (req: TSigned, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: req.path,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': req.signature,
      ...headers,
    },
    payload: new URLSearchParams(req.params).toString(),
  });

const token = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /^\w+$/.test(s));
const value = fc.string({ minLength: 1, maxLength: 20 });

/** Ways an attacker (or a proxy) can change a request Twilio signed. */
const tampering = fc.oneof(
  fc.record({ kind: fc.constant('change-value' as const), to: value }),
  fc.record({ kind: fc.constant('add-param' as const), key: token, to: value }),
  fc.record({ kind: fc.constant('drop-param' as const) }),
  fc.record({ kind: fc.constant('change-query' as const), to: fc.constantFrom('1554', '1512') }),
  fc.record({ kind: fc.constant('flip-signature' as const), at: fc.nat(27) }),
  fc.record({ kind: fc.constant('other-token' as const), to: token }),
  fc.record({ kind: fc.constant('host-header' as const) }),
);

type TTamper = typeof tampering extends fc.Arbitrary<infer T> ? T : never;

function tamper(req: TSigned, t: TTamper): TSigned {
  const params = { ...req.params };
  switch (t.kind) {
    case 'change-value':
      return params.From === t.to
        ? tamper(req, { kind: 'drop-param' as const })
        : { ...req, params: { ...params, From: t.to } };
    case 'add-param':
      return { ...req, params: { ...params, [`X${t.key}`]: t.to } };
    case 'drop-param':
      delete params.From;
      return { ...req, params };
    case 'change-query':
      return { ...req, path: req.path.replace('1362', t.to) };
    case 'flip-signature': {
      const chars = [...req.signature];
      chars[t.at] = chars[t.at] === 'A' ? 'B' : 'A';
      return { ...req, signature: chars.join('') };
    }
    case 'other-token':
      return {
        ...req,
        signature: sign(req.path, req.params, `${stores.config.TWILIO_AUTH_TOKEN}${t.to}`),
      };
    case 'host-header':
      // Signed for an attacker's host: must fail because we never trust the Host header.
      return { ...req, signature: sign(req.path, req.params, undefined, 'https://evil.example') };
  }
  return req;
}

describe('Twilio signature', () => {
  it('refuses any change to a signed request with 403 and records nothing', async () => {
    const calls = callsRepository(stores.database.db);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('incoming', 'status'),
        value,
        tampering,
        async (hook, from, t) => {
          const callSid = newCallSid();
          const path = `/webhooks/twilio/voice/${hook}?hotline=1362`;
          const params = { CallSid: callSid, From: from, CallStatus: 'ringing' };
          const forged = tamper({ path, params, signature: sign(path, params) }, t);
          const res = await send(forged, t.kind === 'host-header' ? { host: 'evil.example' } : {});
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe('TWILIO_SIGNATURE_INVALID');
          expect(await calls.findCall(callSid)).toBeNull();
          expect(await calls.eventsOf(callSid)).toHaveLength(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
