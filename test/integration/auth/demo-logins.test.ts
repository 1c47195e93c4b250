import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { generateSecret, generateSync } from 'otplib';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { seedDemo, type TDemoLogin } from '../../../db/seed/demo.seed';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';

let stores: TTestStores;
let app: FastifyInstance;
let logins: TDemoLogin[];

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  const secrets = new Map<string, string>();
  logins = await seedDemo(stores.database.db, (u) => `${u}-demo-password`, {
    keyring: keyringFromConfig(stores.config),
    secretFor: (u) => secrets.get(u) ?? secrets.set(u, generateSecret()).get(u) ?? '',
  });
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

describe('demo logins printed by npm start', () => {
  it('let every demo user sign in, with the printed TOTP secret where one is required', async () => {
    // Every staff role needs a second factor by default: every demo login comes with its secret.
    expect(logins.filter((l) => l.totpSecret).map((l) => l.role)).toEqual(
      logins.map((l) => l.role),
    );
    expect(logins.map((l) => l.role)).toContain('counsellor');
    for (const login of logins) {
      const first = await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: login.username, password: login.password },
      });
      let body = first.json();
      if (login.totpSecret) {
        expect(body.status).toBe('totp_required');
        expect(body.enrolment).toBeUndefined();
        const second = await app.inject({
          method: 'POST',
          url: '/auth/totp',
          payload: { challenge: body.challenge, code: generateSync({ secret: login.totpSecret }) },
        });
        body = second.json();
      }
      expect(body).toMatchObject({ status: 'signed_in', user: { role: login.role } });
    }
  });
});
