import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postWebhookJson,
  WebhookPostError,
} from '../../../src/modules/referrals/delivery/webhook-post.provider';
import { parseAllowHosts } from '../../../src/modules/referrals/delivery/webhook-target.policy';
import { staffCall } from '../../fixtures/records';
import { seedOrganisations } from '../../fixtures/referrals-world';
import { createStaff, loginAs } from '../../fixtures/staff';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;
const servers: Server[] = [];

beforeAll(async () => {
  // No allow-listed host here: every webhook must be public https.
  stores = await createTestStores({ PARTNER_WEBHOOK_ALLOW_HOSTS: '' });
  ({ app } = await buildTestApp(stores));
  await seedOrganisations(stores);
});
afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await app?.close();
  await stores?.cleanup();
});

/** A local HTTP server that records what reaches it and answers `reply`. */
async function receiver(reply: (res: import('node:http').ServerResponse) => void) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    reply(res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { hits, port: (server.address() as AddressInfo).port };
}

const post = (
  url: string,
  allow: string[],
  resolve?: Parameters<typeof postWebhookJson>[0]['resolve'],
) =>
  postWebhookJson({
    url,
    headers: { 'content-type': 'application/json' },
    body: '{"referral":"signed"}',
    timeoutMs: 2000,
    allowHosts: parseAllowHosts(allow),
    resolve,
  });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'delivered',
    (err: unknown) => (err instanceof WebhookPostError ? err.code : `other: ${String(err)}`),
  );

const unit = (webhookUrl: string) => ({
  organisationKey: 'molsw-labour',
  nameLo: 'ໜ່ວຍທົດລອງ',
  nameEn: 'Test unit',
  kind: 'labour',
  services: [],
  provinces: [],
  languages: ['lo'],
  hours: { alwaysOpen: true, weekly: {}, holidays: [] },
  intake: { sexes: [], minAge: null, maxAge: null, nationalities: [] },
  focalPoints: [],
  usesSystem: false,
  webhookUrl,
  webhookSecret: 'x'.repeat(40),
  smsNumbers: [],
  active: true,
});

describe('partner webhook addresses', () => {
  it('refuses internal and look-alike addresses when an administrator saves them', async () => {
    const cookie = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const refused = [
      'http://127.0.0.1.attacker.example/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://10.0.0.7/hook',
      'https://[::1]/hook',
      'https://localhost/hook',
      'http://127.0.0.1:6379/',
    ];
    for (const webhookUrl of refused) {
      const res = await staffCall(app, cookie, 'POST', '/partners/units', unit(webhookUrl));
      expect([webhookUrl, res.status]).toEqual([webhookUrl, 400]);
    }
    const ok = await staffCall(
      app,
      cookie,
      'POST',
      '/partners/units',
      unit('https://partner.example.la/saiduan'),
    );
    expect(ok.status).toBe(201);
  });

  it('refuses at connect time a name that resolves to an internal address (DNS rebinding)', async () => {
    const inside = await receiver((res) => res.writeHead(200).end());
    // The name passed every check when saved; today its DNS answer is this machine.
    type TAnswer = (err: null, addresses: Array<{ address: string; family: number }>) => void;
    const rebound = ((_host: string, _options: unknown, answer: TAnswer) =>
      answer(null, [{ address: '127.0.0.1', family: 4 }])) as unknown as Parameters<typeof post>[2];
    const code = await failureOf(post(`https://partner.example.la:${inside.port}/`, [], rebound));
    expect(code).toBe('address_refused');
    expect(inside.hits).toEqual([]);
  });

  it('refuses a stored internal address at send time, and the allow-list lets a test receiver in', async () => {
    const inside = await receiver((res) => res.writeHead(200).end());
    const url = `http://127.0.0.1:${inside.port}/hook`;
    expect(await failureOf(post(url, []))).toBe('address_refused');
    expect(inside.hits).toEqual([]);
    expect(await post(url, ['127.0.0.1'])).toBe(200);
    expect(inside.hits).toEqual(['/hook']);
  });

  it('never follows a redirect: the signed referral reaches no other host', async () => {
    const elsewhere = await receiver((res) => res.writeHead(200).end());
    const redirecting = await receiver((res) =>
      res.writeHead(307, { location: `http://127.0.0.1:${elsewhere.port}/stolen` }).end(),
    );
    const status = await post(`http://127.0.0.1:${redirecting.port}/hook`, ['127.0.0.1']);
    expect(status).toBe(307);
    expect(elsewhere.hits).toEqual([]);
  });

  it('reports a failure as a short code, with no network detail', async () => {
    const closed = await receiver(() => {});
    const port = closed.port;
    await new Promise((r) => servers.pop()?.close(r));
    expect(await failureOf(post(`http://127.0.0.1:${port}/`, ['127.0.0.1']))).toBe('refused');
    const hanging = await receiver(() => {});
    const slow = postWebhookJson({
      url: `http://127.0.0.1:${hanging.port}/`,
      headers: {},
      body: '{}',
      timeoutMs: 200,
      allowHosts: parseAllowHosts(['127.0.0.1']),
    });
    expect(await failureOf(slow)).toBe('timeout');
  });
});
