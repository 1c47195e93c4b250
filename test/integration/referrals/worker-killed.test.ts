import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'bullmq';
import { eq } from 'drizzle-orm';
import { referrals } from '../../../db/schema/referrals';
import { deliveries, tickets } from '../../../db/schema/tickets';
import { openRedis } from '../../../src/infra/redis';
import { bullPrefix } from '../../../src/jobs/job-queues';
import { referralDispatchJob } from '../../../src/jobs/referral-dispatch.job';
import { referralDispatchProcessor } from '../../../workers/processors/referral-dispatch.processor';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { createTestStores, type TTestStores } from '../../support/test-stores';
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
const childScript = fileURLToPath(
  new URL('../../fixtures/referrals-worker-child.ts', import.meta.url),
);

beforeAll(async () => {
  stores = await createTestStores();
  await seedOrganisations(stores);
  deps = workerDepsFor(stores);
  const unit = await insertUnit(stores);
  await insertRule(stores, { need: 'shelter', unitId: unit.id });
});
afterAll(async () => {
  await deps.queues.close();
  deps.redis.disconnect();
  await stores.cleanup();
});

function startChild(): { child: ChildProcess; output: string[] } {
  const env = Object.fromEntries(Object.entries(stores.config).map(([k, v]) => [k, String(v)]));
  const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
    env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (d: Buffer) => output.push(...d.toString().split('\n').filter(Boolean)));
  return { child, output };
}

describe('a worker killed in the middle of a dispatch', () => {
  it('leaves exactly one ticket once another worker picks the job up', async () => {
    // Hold a lock the dispatch statement needs for its delivery rows, so the kill lands while
    // the write is under way. Postgres may still finish that statement after the client is gone
    // (it is one atomic statement): either way the rescuer must end with exactly one ticket.
    const blocker = await stores.database.sql.reserve();
    await blocker`begin`;
    await blocker`lock table deliveries in exclusive mode`;

    const person = await insertCaseWithPerson(stores);
    const { referralId } = await storeReferral(stores, deps.queues, {
      ...person,
      needs: ['shelter'],
    });
    const { child, output } = startChild();
    await expect
      .poll(() => output.includes(`active ${referralId}`), { timeout: 20_000 })
      .toBe(true);
    await expect
      .poll(
        async () =>
          (
            await stores.database.sql`select count(*)::int as n from pg_stat_activity
              where wait_event_type = 'Lock' and datname = current_database()`
          )[0]?.n,
        { timeout: 10_000 },
      )
      .toBe(1);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    await blocker`rollback`;
    blocker.release();

    const rescuer = new Worker(
      referralDispatchJob.name,
      (job) => referralDispatchProcessor(job.data, { job, deps }),
      {
        connection: openRedis(stores.config.REDIS_URL as string, 'worker'),
        prefix: bullPrefix(stores.config.REDIS_PREFIX),
        stalledInterval: 500,
      },
    );
    await expect
      .poll(
        async () =>
          (await stores.database.db.select().from(referrals).where(eq(referrals.id, referralId)))[0]
            ?.status,
        {
          timeout: 20_000,
        },
      )
      .toBe('dispatched');
    await rescuer.close();
    const rows = await stores.database.db
      .select()
      .from(tickets)
      .where(eq(tickets.referralId, referralId));
    expect(rows).toHaveLength(1);
    const sent = await stores.database.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.ticketId, rows[0]?.id ?? ''));
    expect(sent).toHaveLength(1);
  });
});
