import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderWav } from '../../../src/modules/prompts/placeholder-audio.policy';
import { createStaff, loginAs } from '../../fixtures/staff';
import { createHotline } from '../../fixtures/telephony.fixture';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

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

const upload = (
  cookie: string,
  body: Buffer,
  type = 'audio/wav',
  path = '1362/prompts/lo/welcome',
) =>
  app.inject({
    method: 'PUT',
    url: `/api/staff/hotlines/${path}`,
    headers: { cookie, 'content-type': type },
    payload: body,
  });

describe('prompt audio administration', () => {
  it('an administrator replaces a prompt and callers hear the new recording', async () => {
    const ready = async () =>
      (await app.inject({ url: '/readyz?detail=1' })).json() as {
        prompts: Array<{ hotline: string; placeholders: Record<string, string[]> }>;
      };
    const missingBefore = (await ready()).prompts.find((p) => p.hotline === '1362')?.placeholders;
    expect(missingBefore?.lo).toContain('welcome');
    expect(missingBefore?.en).toContain('lang-en');
    expect(missingBefore?.en).not.toContain('welcome');
    const before = await app.inject({ url: '/webhooks/twilio/prompts/1362/lo/welcome.wav' });
    expect(before.statusCode).toBe(200);
    expect(before.headers['content-type']).toBe('audio/wav');

    const admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const recording = placeholderWav('a real recording', 1.5);
    expect((await upload(admin, recording)).statusCode).toBe(204);

    const after = await app.inject({ url: '/webhooks/twilio/prompts/1362/lo/welcome.wav' });
    expect(after.rawPayload.equals(recording)).toBe(true);
    expect(after.rawPayload.equals(before.rawPayload)).toBe(false);
    const list = await app.inject({
      url: '/api/staff/hotlines/1362/prompts',
      headers: { cookie: admin },
    });
    expect(list.json().uploaded).toEqual([
      expect.objectContaining({ prompt: 'welcome', language: 'lo' }),
    ]);
    // The go-live list forgets the recorded prompt, on the readiness check and the admin screen.
    expect(list.json().missing).not.toContainEqual({ language: 'lo', prompt: 'welcome' });
    expect(list.json().missing).toContainEqual({ language: 'lo', prompt: 'goodbye' });
    const missingAfter = (await ready()).prompts.find((p) => p.hotline === '1362')?.placeholders;
    expect(missingAfter?.lo).not.toContain('welcome');
    expect(missingAfter?.lo?.length).toBe((missingBefore?.lo?.length ?? 0) - 1);
    // Without ?detail=1 the load balancer's check stays small.
    expect((await app.inject({ url: '/readyz' })).json()).not.toHaveProperty('prompts');
  });

  it('lists for a one-language hotline only the prompts its callers can hear', async () => {
    await createHotline(stores.database.db, {
      number: '1554',
      phoneNumber: '+85621155400',
      languages: ['lo'],
      afterHours: 'voicemail',
    });
    const admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const list = await app.inject({
      url: '/api/staff/hotlines/1554/prompts',
      headers: { cookie: admin },
    });
    const missing = (list.json() as { missing: Array<{ language: string; prompt: string }> })
      .missing;
    expect(missing).toContainEqual({ language: 'lo', prompt: 'callback-offer' });
    // Straight to the queue in Lao: no welcome, no "press 9", no menu line, no forward prompt.
    const prompts = missing.map((m) => m.prompt);
    for (const never of ['welcome', 'other-language', 'language-menu', 'after-hours-forward'])
      expect(prompts).not.toContain(never);
    expect(prompts.filter((p) => p.startsWith('lang-'))).toEqual([]);
    expect(new Set(missing.map((m) => m.language))).toEqual(new Set(['lo']));
    // The same list on the readiness check's detail.
    const ready = (await app.inject({ url: '/readyz?detail=1' })).json() as {
      prompts: Array<{ hotline: string; placeholders: Record<string, string[]> }>;
    };
    const placeholders = ready.prompts.find((p) => p.hotline === '1554')?.placeholders;
    expect(placeholders?.lo).toHaveLength(missing.length);
    expect(placeholders?.lo).not.toContain('other-language');
  });

  it('refuses files that are not audio, unknown prompts and non-administrators', async () => {
    const admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    expect((await upload(admin, Buffer.from('<html>not audio at all</html>'))).statusCode).toBe(
      400,
    );
    expect((await upload(admin, Buffer.from('x'.repeat(64)), 'text/plain')).statusCode).toBe(415);
    // Right first bytes, broken inside: a caller would hear noise or nothing.
    const headerOnly = Buffer.concat([placeholderWav('x').subarray(0, 12), Buffer.alloc(200, 1)]);
    expect((await upload(admin, headerOnly)).statusCode).toBe(400);
    const mpegJunk = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(500, 9)]);
    expect((await upload(admin, mpegJunk, 'audio/mpeg')).statusCode).toBe(400);
    expect(
      (await upload(admin, placeholderWav('x'), 'audio/wav', '1362/prompts/lo/nonsense'))
        .statusCode,
    ).toBe(400);
    expect(
      (await upload(admin, placeholderWav('x'), 'audio/wav', '9999/prompts/lo/welcome')).statusCode,
    ).toBe(404);
    const supervisor = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
    expect((await upload(supervisor, placeholderWav('x'))).statusCode).toBe(403);
  });

  it('unknown prompt files are not served', async () => {
    expect(
      (await app.inject({ url: '/webhooks/twilio/prompts/1362/lo/secret.wav' })).statusCode,
    ).toBe(404);
  });
});

describe('prompt versions: record, listen back, approve', () => {
  const base = '/api/staff/hotlines/1362/prompts/lo/goodbye';
  it('keeps a recording as a draft callers do not hear until it is approved', async () => {
    const admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const heard = async () =>
      (await app.inject({ url: '/webhooks/twilio/prompts/1362/lo/goodbye.wav' })).rawPayload;
    const placeholder = await heard();

    const first = placeholderWav('first take', 1.2);
    const second = placeholderWav('second take', 1.4);
    for (const take of [first, second]) {
      const saved = await app.inject({
        method: 'POST',
        url: `${base}/versions`,
        headers: { cookie: admin, 'content-type': 'audio/wav' },
        payload: take,
      });
      expect(saved.statusCode).toBe(201);
    }
    // Drafts: still the placeholder for callers.
    expect((await heard()).equals(placeholder)).toBe(true);
    const listed = await app.inject({ url: `${base}/versions`, headers: { cookie: admin } });
    expect(
      listed.json().versions.map((v: { version: number; live: boolean }) => [v.version, v.live]),
    ).toEqual([
      [2, false],
      [1, false],
    ]);
    const back = await app.inject({ url: `${base}/versions/1/audio`, headers: { cookie: admin } });
    expect(back.rawPayload.equals(first)).toBe(true);

    // Approving the second take: callers hear it, and it is the live version.
    const approve = (v: number) =>
      app.inject({
        method: 'POST',
        url: `${base}/versions/${v}/approve`,
        headers: { cookie: admin },
      });
    expect((await approve(2)).statusCode).toBe(204);
    expect((await heard()).equals(second)).toBe(true);
    const after = await app.inject({ url: `${base}/versions`, headers: { cookie: admin } });
    expect(after.json().versions[0]).toMatchObject({ version: 2, live: true, source: 'recorded' });
    // An earlier take can be put back.
    expect((await approve(1)).statusCode).toBe(204);
    expect((await heard()).equals(first)).toBe(true);
    expect((await approve(9)).statusCode).toBe(404);

    // Only administrators; a broken file is refused before it is kept.
    const supervisor = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
    expect((await approve(2)).statusCode).toBe(204);
    const denied = await app.inject({
      method: 'POST',
      url: `${base}/versions/2/approve`,
      headers: { cookie: supervisor },
    });
    expect(denied.statusCode).toBe(403);
    const broken = await app.inject({
      method: 'POST',
      url: `${base}/versions`,
      headers: { cookie: admin, 'content-type': 'audio/wav' },
      payload: Buffer.from('RIFF....WAVEjunk'),
    });
    expect(broken.statusCode).toBe(400);
  });
});
