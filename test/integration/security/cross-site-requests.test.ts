import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { staffUsers } from '../../../db/schema/staff';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline, newCallSid, postSigned } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

let stores: TTestStores;
let app: FastifyInstance;
let admin: string;
const own = 'https://hotline.test';
const foreign = 'https://attacker.example';

beforeAll(async () => {
  stores = await createTestStores({ PUBLIC_BASE_URL: own });
  await createHotline(stores.database.db);
  ({ app } = await buildTestApp(stores));
  admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

const newAdmin = (username: string) => ({
  username,
  displayName: 'Forged admin',
  role: 'administrator',
  password: 'chosen-by-the-attacker',
});
const userExists = async (username: string) =>
  (await stores.database.db.select().from(staffUsers).where(eq(staffUsers.username, username)))
    .length > 0;

describe('cross-site request forgery', () => {
  it('refuses a form-encoded POST /api/staff/users from a foreign page and creates nobody', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/users',
      headers: {
        cookie: admin,
        origin: foreign,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams(newAdmin('forged-form')).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ORIGIN_REFUSED');
    expect(await userExists('forged-form')).toBe(false);
  });

  it('refuses form and text bodies on /api and /auth even without an Origin (415)', async () => {
    const form = await app.inject({
      method: 'POST',
      url: '/api/staff/users',
      headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(newAdmin('forged-no-origin')).toString(),
    });
    const text = await app.inject({
      method: 'POST',
      url: '/api/staff/users',
      headers: { cookie: admin, 'content-type': 'text/plain' },
      payload: JSON.stringify(newAdmin('forged-text')),
    });
    const multipart = await app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\na\r\n--x--\r\n',
    });
    for (const res of [form, text, multipart]) {
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await userExists('forged-no-origin')).toBe(false);
    expect(await userExists('forged-text')).toBe(false);
  });

  it('refuses bodyless state changes from a foreign origin: key rotation, retention, sign-out', async () => {
    const session = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const attempts = await Promise.all(
      ['/api/staff/admin/keys/rotate', '/api/staff/admin/retention/run', '/auth/logout'].map(
        (url) => app.inject({ method: 'POST', url, headers: { cookie: session, origin: foreign } }),
      ),
    );
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('ORIGIN_REFUSED');
    }
    // The session survived the forged sign-out.
    const me = await app.inject({ url: '/auth/me', headers: { cookie: session } });
    expect(me.statusCode).toBe(200);
  });

  it('refuses a browser that says the request is cross-site or from a sibling site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/staff/users',
        headers: { cookie: admin, 'sec-fetch-site': site },
        payload: newAdmin(`forged-${site}`),
      });
      expect(res.statusCode).toBe(403);
      expect(await userExists(`forged-${site}`)).toBe(false);
    }
  });

  it('refuses an opaque origin ("null", a sandboxed frame)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie: admin, origin: 'null' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('accepts same-origin JSON from the web app, and JSON from a client without Origin', async () => {
    const browser = await app.inject({
      method: 'POST',
      url: '/api/staff/users',
      headers: { cookie: admin, origin: own, 'sec-fetch-site': 'same-origin' },
      payload: newAdmin('made-in-the-app'),
    });
    const script = await app.inject({
      method: 'POST',
      url: '/api/staff/users',
      headers: { cookie: admin },
      payload: newAdmin('made-by-a-script'),
    });
    expect([browser.statusCode, script.statusCode]).toEqual([201, 201]);
    expect(await userExists('made-in-the-app')).toBe(true);
  });

  it('still takes Twilio’s signed form posts on /webhooks', async () => {
    const res = await postSigned(app, {
      path: '/webhooks/twilio/voice/incoming?hotline=1362',
      params: { CallSid: newCallSid(), From: '+8562055500001' },
      token: stores.config.TWILIO_AUTH_TOKEN,
      baseUrl: stores.config.PUBLIC_BASE_URL,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<Response>');
  });

  it('takes an audio upload on the prompt route from the web app', async () => {
    const wav = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.alloc(4),
      Buffer.from('WAVEfmt '),
      Buffer.from([16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1f, 0, 0, 0x80, 0x3e, 0, 0, 2, 0, 16, 0]),
      Buffer.from('data'),
      Buffer.from([8, 0, 0, 0]),
      Buffer.alloc(8),
    ]);
    const res = await app.inject({
      method: 'PUT',
      url: '/api/staff/hotlines/1362/prompts/lo/welcome',
      headers: { cookie: admin, origin: own, 'content-type': 'audio/wav' },
      payload: wav,
    });
    expect(res.statusCode).toBe(204);
  });
});
