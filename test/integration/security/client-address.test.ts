import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ConfigError } from '../../../src/config/config';
import { createStaff } from '../../fixtures/staff';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { testConfig } from '../../support/test-config';

// Every rate limit is keyed on the client address. It comes from X-Forwarded-For only when the
// request arrives through a proxy named in TRUSTED_PROXIES; otherwise it is the socket's peer,
// so a client cannot choose a fresh address for each guess.
const PROXY = '192.0.2.10';
let stores: TTestStores;
let direct: FastifyInstance;
let proxied: FastifyInstance;

beforeAll(async () => {
  stores = await createTestStores({ RATE_LIMIT_MAX: '5', LOGIN_RATE_LIMIT_MAX: '3' });
  ({ app: direct } = await buildTestApp(stores));
  const behindProxy = testConfig({
    ...Object.fromEntries(Object.entries(stores.config).map(([k, v]) => [k, String(v)])),
    TRUSTED_PROXIES: `${PROXY}, 10.20.0.0/16`,
  });
  ({ app: proxied } = await buildTestApp({ ...stores, config: behindProxy }));
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
  await stores?.cleanup();
});

async function guesses(
  app: FastifyInstance,
  from: (i: number) => { remoteAddress: string; forwardedFor?: string },
): Promise<number[]> {
  const user = await createStaff(stores, { role: 'counsellor' });
  const codes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const { remoteAddress, forwardedFor } = from(i);
    const res = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: user.username, password: `guess-${i}` },
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
    codes.push(res.statusCode);
  }
  return codes;
}

describe('client address without trusted proxies (the default)', () => {
  it('ignores X-Forwarded-For: a client cannot escape the login limit by changing it', async () => {
    const codes = await guesses(direct, (i) => ({
      remoteAddress: '203.0.113.7',
      forwardedFor: `198.51.100.${i + 1}`,
    }));
    expect(codes).toEqual([401, 401, 401, 429, 429, 429]);
  });
});

describe('client address behind a trusted proxy', () => {
  it('keys limits on the caller the proxy names, so callers behind it are apart', async () => {
    // Six different people behind the same proxy: none is limited by the others' tries.
    const codes = await guesses(proxied, (i) => ({
      remoteAddress: PROXY,
      forwardedFor: `198.51.100.${50 + i}`,
    }));
    expect(codes).toEqual([401, 401, 401, 401, 401, 401]);
  });

  it('still limits one caller behind the proxy, whatever it writes in front of the list', async () => {
    // The proxy appends the real peer; a forged first entry is not believed.
    const codes = await guesses(proxied, (i) => ({
      remoteAddress: '10.20.3.4',
      forwardedFor: `198.51.100.${100 + i}, 203.0.113.99`,
    }));
    expect(codes).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it('ignores X-Forwarded-For sent by a peer that is not a trusted proxy', async () => {
    const codes = await guesses(proxied, (i) => ({
      remoteAddress: '203.0.113.8',
      forwardedFor: `198.51.100.${200 + i}`,
    }));
    expect(codes).toEqual([401, 401, 401, 429, 429, 429]);
  });
});

describe('TRUSTED_PROXIES setting', () => {
  it('accepts addresses, CIDRs and proxy-addr names, and defaults to none', () => {
    expect(testConfig().TRUSTED_PROXIES).toEqual([]);
    expect(
      testConfig({ TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16,fd00::/8,loopback' }).TRUSTED_PROXIES,
    ).toEqual(['10.0.0.1', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });

  it('refuses anything else with one line naming the variable', () => {
    for (const bad of ['true', '1', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/2', '::1/129'])
      expect(() => testConfig({ TRUSTED_PROXIES: bad })).toThrow(
        new ConfigError(
          `Invalid configuration: TRUSTED_PROXIES must list IP addresses, CIDRs, loopback, linklocal or uniquelocal`,
        ),
      );
  });
});
