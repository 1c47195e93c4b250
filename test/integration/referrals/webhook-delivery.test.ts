import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TReferralNeed } from '../../../db/schema/referrals';
import { deliveries, tickets } from '../../../db/schema/tickets';
import { jobContracts } from '../../../src/jobs/index';
import { openRedis } from '../../../src/infra/redis';
import { processors } from '../../../workers/processors/index';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { createStaff, loginAs } from '../../fixtures/staff';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  storeReferral,
  webhookReceiver,
  workerDepsFor,
} from '../../fixtures/referrals-world';

let stores: TTestStores;
let deps: TWorkerDeps;
let running: TRunningWorkers;

beforeAll(async () => {
  stores = await createTestStores({
    REFERRAL_RETRY_BASE_MS: '100',
    REFERRAL_DELIVERY_ATTEMPTS: '5',
  });
  await seedOrganisations(stores);
  deps = workerDepsFor(stores);
  running = startWorkers({
    contracts: jobContracts,
    processors,
    connection: openRedis(stores.config.REDIS_URL as string, 'worker'),
    deps,
  });
});
afterAll(async () => {
  await running?.close();
  await deps.queues.close();
  deps.redis.disconnect();
  await stores.cleanup();
});

// Each scenario routes its own need, so the rules of one never catch another's referral.
async function referToPartnerAnswering(need: TReferralNeed, statuses: number[]) {
  let secret = '';
  const receiver = await webhookReceiver(() => secret, { statuses });
  const unit = await insertUnit(stores, {
    kind: 'labour',
    organisationKey: 'molsw-labour',
    webhookUrl: receiver.url,
    usesSystem: false,
  });
  secret = unit.secret;
  await insertRule(stores, { need, unitId: unit.id });
  const person = await insertCaseWithPerson(stores);
  const { referralId } = await storeReferral(stores, deps.queues, { ...person, needs: [need] });
  await expect
    .poll(
      async () =>
        (await stores.database.db.select().from(tickets).where(eq(tickets.referralId, referralId)))
          .length,
      { timeout: 10_000 },
    )
    .toBe(1);
  const [ticket] = await stores.database.db
    .select()
    .from(tickets)
    .where(eq(tickets.referralId, referralId));
  const delivery = async () =>
    (
      await stores.database.db
        .select()
        .from(deliveries)
        .where(eq(deliveries.ticketId, ticket?.id ?? ''))
    )[0];
  return { receiver, delivery };
}

describe('signed webhook delivery', () => {
  it('retries a failing partner and delivers once it recovers, always with the same idempotency key', async () => {
    const { receiver, delivery } = await referToPartnerAnswering('labour', [503, 500, 502]);
    await expect
      .poll(async () => (await delivery())?.status, { timeout: 15_000 })
      .toBe('delivered');
    expect(receiver.received).toHaveLength(4);
    const keys = new Set(receiver.received.map((r) => r.idempotencyKey));
    expect(keys).toEqual(new Set([(await delivery())?.id]));
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    expect(await delivery()).toMatchObject({ attempts: 4, lastStatusCode: 200 });
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toHaveLength(4);
    await receiver.close();
  });

  it('does not retry a 4xx refusal and puts it on the failed-delivery list', async () => {
    const { receiver, delivery } = await referToPartnerAnswering('legal_aid', [422]);
    await expect.poll(async () => (await delivery())?.status, { timeout: 10_000 }).toBe('failed');
    await new Promise((r) => setTimeout(r, 600));
    expect(receiver.received).toHaveLength(1);
    expect(await delivery()).toMatchObject({
      attempts: 1,
      lastStatusCode: 422,
      lastError: 'http_4xx',
    });
    await receiver.close();
  });

  it('lists a refused delivery for supervisors, who can send it again under the same key', async () => {
    const { receiver, delivery } = await referToPartnerAnswering('psychosocial', [410]);
    await expect.poll(async () => (await delivery())?.status, { timeout: 10_000 }).toBe('failed');
    const { app } = await buildTestApp(stores);
    const supervisor = await loginAs(app, await createStaff(stores, { role: 'supervisor' }));
    const list = await app.inject({
      url: '/api/staff/referrals/deliveries/failed',
      headers: { cookie: supervisor },
    });
    const failedId = (await delivery())?.id;
    expect(list.json()).toContainEqual(
      expect.objectContaining({ id: failedId, channel: 'webhook', lastStatusCode: 410 }),
    );
    const resend = await app.inject({
      method: 'POST',
      url: `/api/staff/referrals/deliveries/${failedId}/resend`,
      headers: { cookie: supervisor },
    });
    expect(resend.statusCode).toBe(202);
    await expect
      .poll(async () => (await delivery())?.status, { timeout: 10_000 })
      .toBe('delivered');
    expect(receiver.received.map((r) => r.idempotencyKey)).toEqual([failedId, failedId]);
    await app.close();
    await receiver.close();
  });

  it('gives up after the last attempt when the partner stays down', async () => {
    const { receiver, delivery } = await referToPartnerAnswering(
      'medical',
      [500, 500, 500, 500, 500, 500],
    );
    await expect.poll(async () => (await delivery())?.status, { timeout: 20_000 }).toBe('failed');
    expect(receiver.received).toHaveLength(5);
    await receiver.close();
  });
});
