import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Emitter } from '@socket.io/redis-emitter';
import { z } from 'zod';
import { defineJob } from '../../../src/jobs/job-contract';
import { JobQueues } from '../../../src/jobs/job-queues';
import { openRedis } from '../../../src/infra/redis';
import { MissingProcessorError, startWorkers } from '../../../workers/start-workers';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { createTestStores, type TTestStores } from '../../support/test-stores';

const echo = defineJob({
  name: 'test-echo',
  payload: z.object({ id: z.string().uuid() }),
  options: { attempts: 1 },
  jobId: (p) => `echo-${p.id}`,
});

let stores: TTestStores;
let deps: TWorkerDeps;

beforeAll(async () => {
  stores = await createTestStores();
  const url = stores.config.REDIS_URL as string;
  deps = {
    config: stores.config,
    db: stores.database.db,
    sql: stores.database.sql,
    redis: stores.redis,
    queues: new JobQueues(openRedis(url, 'worker'), stores.config.REDIS_PREFIX),
    emitter: new Emitter(stores.redis),
  };
});
afterAll(async () => {
  await deps.queues.close();
  await stores.cleanup();
});

describe('worker process', () => {
  it('refuses to start when a job has no processor', () => {
    expect(() =>
      startWorkers({
        contracts: [echo],
        processors: {},
        connection: openRedis(stores.config.REDIS_URL as string, 'worker'),
        deps,
      }),
    ).toThrow(MissingProcessorError);
  });

  it('runs a job once even when it is enqueued twice with the same id', async () => {
    const seen: string[] = [];
    const running = startWorkers({
      contracts: [echo],
      processors: { 'test-echo': async (p: { id: string }) => void seen.push(p.id) },
      connection: openRedis(stores.config.REDIS_URL as string, 'worker'),
      deps,
    });
    const id = crypto.randomUUID();
    await deps.queues.enqueue(echo, { id });
    await deps.queues.enqueue(echo, { id });
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([id]);
    await running.close();
  });

  it('rejects a malformed payload at enqueue time', async () => {
    await expect(deps.queues.enqueue(echo, { id: 'not-a-uuid' })).rejects.toThrow();
  });
});
