import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { referrals } from '../../../db/schema/referrals';
import { tickets } from '../../../db/schema/tickets';
import { jobContracts } from '../../../src/jobs/index';
import { JobQueues } from '../../../src/jobs/job-queues';
import { openRedis } from '../../../src/infra/redis';
import { startReferralTicker } from '../../../src/modules/referrals/runtime/referral-jobs.provider';
import { processors } from '../../../workers/processors/index';
import { startWorkers } from '../../../workers/start-workers';
import { freePort } from '../../../scripts/local/free-port';
import { startLocalRedis, type TLocalRedis } from '../../../scripts/local/local-redis';
import { createTestStores, type TTestStores } from '../../support/test-stores';
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
let port: number;
let redis: TLocalRedis;
const dirs: string[] = [];
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

// Each start gets an empty data folder: a restart that also lost everything Redis held.
async function startEmptyRedis(): Promise<TLocalRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-referrals-redis-'));
  dirs.push(dir);
  return startLocalRedis({ dir, port });
}

beforeAll(async () => {
  port = await freePort();
  redis = await startEmptyRedis();
  stores = await createTestStores({ REDIS_URL: redis.url, REFERRAL_RETRY_BASE_MS: '100' });
  await seedOrganisations(stores);
  let secret = '';
  receiver = await webhookReceiver(() => secret);
  const unit = await insertUnit(stores, { webhookUrl: receiver.url, usesSystem: false });
  secret = unit.secret;
  await insertRule(stores, { need: 'shelter', unitId: unit.id });
});
afterAll(async () => {
  await receiver.close();
  await redis.stop();
  await stores.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('Redis restarted with its data gone', () => {
  it('still delivers every stored referral exactly once', async () => {
    // The API's producer connection fails fast; the request still succeeds (outbox).
    const producerRedis = openRedis(redis.url);
    producerRedis.on('error', () => {});
    const producer = new JobQueues(producerRedis, stores.config.REDIS_PREFIX);
    const stored: string[] = [];
    for (let i = 0; i < 5; i++) {
      const person = await insertCaseWithPerson(stores);
      const r = await storeReferral(stores, producer, { ...person, needs: ['shelter'] });
      expect(r.enqueued).toBe(true);
      stored.push(r.referralId);
    }
    redis.process.kill('SIGKILL');
    await new Promise((r) => redis.process.once('exit', r));
    for (let i = 0; i < 5; i++) {
      const person = await insertCaseWithPerson(stores);
      const r = await storeReferral(stores, producer, { ...person, needs: ['shelter'] });
      expect(r.enqueued).toBe(false);
      stored.push(r.referralId);
    }
    redis = await startEmptyRedis();

    const deps = workerDepsFor(stores, redis.url);
    const workerRedis = openRedis(redis.url, 'worker');
    workerRedis.on('error', () => {});
    const running = startWorkers({
      contracts: jobContracts,
      processors,
      connection: workerRedis,
      deps,
    });
    const ticker = startReferralTicker(deps.queues, 500);
    await expect
      .poll(
        async () =>
          (
            await stores.database.db
              .select()
              .from(tickets)
              .where(inArray(tickets.referralId, stored))
          ).length,
        {
          timeout: 30_000,
          interval: 500,
        },
      )
      .toBe(10);
    await expect
      .poll(() => new Set(receiver.received.map((r) => r.idempotencyKey)).size, { timeout: 15_000 })
      .toBe(10);
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.received).toHaveLength(10);
    const statuses = await stores.database.db
      .select({ s: referrals.status })
      .from(referrals)
      .where(inArray(referrals.id, stored));
    expect(statuses.every((r) => r.s === 'dispatched')).toBe(true);

    ticker.stop();
    await running.close();
    await deps.queues.close();
    await producer.close();
    producerRedis.disconnect();
    deps.redis.disconnect();
  });
});
