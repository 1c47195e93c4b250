import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { hotlines } from '../../../db/schema/hotlines';
import { jobContracts } from '../../../src/jobs/index';
import { openRedis } from '../../../src/infra/redis';
import { processors } from '../../../workers/processors/index';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { startTwilioRecorder } from '../../fixtures/twilio-recorder';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  storeReferral,
  workerDepsFor,
} from '../../fixtures/referrals-world';

let stores: TTestStores;
let deps: TWorkerDeps;
let running: TRunningWorkers;
let app: FastifyInstance;
let recorder: Awaited<ReturnType<typeof startTwilioRecorder>>;

beforeAll(async () => {
  recorder = await startTwilioRecorder();
  stores = await createTestStores({ TWILIO_API_BASE_URL: recorder.url });
  await seedOrganisations(stores);
  await stores.database.db.insert(hotlines).values({
    number: '1362',
    nameLo: '1362',
    nameEn: '1362',
    phoneNumber: '+85621136200',
    languages: ['lo'],
    openingHours: { weekly: {}, holidays: [] },
  });
  const unit = await insertUnit(stores, { usesSystem: false, smsNumbers: ['+8562055512345'] });
  await insertRule(stores, { need: 'shelter', unitId: unit.id });
  deps = workerDepsFor(stores);
  running = startWorkers({
    contracts: jobContracts,
    processors,
    connection: openRedis(stores.config.REDIS_URL as string, 'worker'),
    deps,
  });
  ({ app } = await buildTestApp(stores));
});
afterAll(async () => {
  await running?.close();
  await deps.queues.close();
  deps.redis.disconnect();
  await app.close();
  await recorder.close();
  await stores.cleanup();
});

describe('a partner without the portal, reached by SMS', () => {
  it('gets a text with no personal data and a link that opens its one ticket, once', async () => {
    const person = await insertCaseWithPerson(stores, { name: 'Dao Sisavath' });
    await storeReferral(stores, deps.queues, {
      ...person,
      needs: ['shelter'],
      priority: 'emergency',
    });
    const sms = () => recorder.requests.find((r) => r.path.endsWith('/Messages.json'));
    await expect.poll(() => !!sms(), { timeout: 15_000 }).toBe(true);
    const message = sms()?.params ?? {};
    expect(message).toMatchObject({ To: '+8562055512345', From: '+85621136200' });
    expect(message.Body).not.toContain('Dao');
    expect(message.Body).toContain('ສຸກເສີນ'); // the priority, in Lao by default
    const token = /#([\w-]+)$/.exec(message.Body ?? '')?.[1] ?? '';

    const opened = await app.inject({
      method: 'POST',
      url: '/api/partner/magic-link',
      payload: { token },
    });
    expect(opened.statusCode).toBe(200);
    const psid = opened.cookies.find((c) => c.name === 'psid')?.value;
    const headers = { cookie: `psid=${psid}` };
    const { ticketId } = opened.json() as { ticketId: string };
    const view = await app.inject({
      method: 'GET',
      url: `/api/partner/tickets/${ticketId}`,
      headers,
    });
    expect(view.json()).toMatchObject({ id: ticketId, state: 'pending', priority: 'emergency' });
    const ack = await app.inject({
      method: 'POST',
      url: `/api/partner/tickets/${ticketId}/actions`,
      headers,
      payload: { action: 'acknowledge' },
    });
    expect(ack.json()).toMatchObject({ state: 'acknowledged' });
    const inbox = await app.inject({ method: 'GET', url: '/api/partner/tickets', headers });
    expect(inbox.statusCode).toBe(401);
    const reused = await app.inject({
      method: 'POST',
      url: '/api/partner/magic-link',
      payload: { token },
    });
    expect(reused.statusCode).toBe(401);

    // Once the ticket reaches a final state the link's session reads it no more.
    for (const action of ['accept', 'complete']) {
      const moved = await app.inject({
        method: 'POST',
        url: `/api/partner/tickets/${ticketId}/actions`,
        headers,
        payload: { action, ...(action === 'complete' && { outcome: 'services_provided' }) },
      });
      expect([action, moved.statusCode]).toEqual([action, 200]);
    }
    const after = await app.inject({ url: `/api/partner/tickets/${ticketId}`, headers });
    expect(after.statusCode).toBe(401);
  });
});
