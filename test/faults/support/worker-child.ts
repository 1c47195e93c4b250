import { Worker } from 'bullmq';
import { Emitter } from '@socket.io/redis-emitter';
import { requireStores } from '../../../src/config/config';
import { loadConfig } from '../../../src/config/load';
import { openDatabase } from '../../../src/infra/database';
import { openRedis } from '../../../src/infra/redis';
import { jobContracts } from '../../../src/jobs/index';
import { bullPrefix, JobQueues } from '../../../src/jobs/job-queues';
import { startReferralTicker } from '../../../src/modules/referrals/runtime/referral-jobs.provider';
import { processors } from '../../../workers/processors/index';

// A worker process for fault scenarios: every job contract with its real processor, as
// workers/main.ts runs them, but with a short job lock (FAULT_LOCK_MS) so a lost lock shows up
// within seconds. FAULT_BLOCK_MS > 0 blocks this process's event loop once, on its first
// referral-dispatch job, before the processor runs or after it returns (FAULT_BLOCK_AT): the
// lock expires meanwhile and another worker takes the job over. FAULT_HOLD=1 starts the workers
// idle until SIGUSR2, so a scenario can choose which process takes a job first.
const config = loadConfig();
const stores = requireStores(config);
const lockMs = Number(process.env.FAULT_LOCK_MS ?? 1000);
const blockMs = Number(process.env.FAULT_BLOCK_MS ?? 0);
const blockAt = process.env.FAULT_BLOCK_AT === 'after' ? 'after' : 'before';
const hold = process.env.FAULT_HOLD === '1';
const database = openDatabase(stores.databaseUrl, { max: 3 });
const redis = openRedis(stores.redisUrl, 'worker');
redis.on('error', () => {});
const deps = {
  config,
  db: database.db,
  sql: database.sql,
  redis,
  queues: new JobQueues(openRedis(stores.redisUrl, 'worker'), config.REDIS_PREFIX),
  emitter: new Emitter(redis, { key: `${config.REDIS_PREFIX}:io` }),
};
let blocked = blockMs <= 0;
const say = (line: string) => process.stdout.write(`${line}\n`);

function blockEventLoop(): void {
  blocked = true;
  say('blocking');
  const until = Date.now() + blockMs;
  while (Date.now() < until) {
    // Busy wait on purpose: a CPU-bound bug or a huge synchronous parse looks like this.
  }
  say('unblocked');
}

const workers = jobContracts.map((contract) => {
  const processor = processors[contract.name];
  if (!processor) throw new Error(`no processor for ${contract.name}`);
  const worker = new Worker(
    contract.name,
    async (job) => {
      say(`active ${contract.name} ${job.id ?? ''}`);
      const blockHere = !blocked && contract.name === 'referral-dispatch';
      if (blockHere && blockAt === 'before') blockEventLoop();
      const result = await processor(contract.payload.parse(job.data), { job, deps });
      if (blockHere && blockAt === 'after') blockEventLoop();
      say(`done ${contract.name} ${job.id ?? ''}`);
      return result;
    },
    {
      connection: openRedis(stores.redisUrl, 'worker'),
      prefix: bullPrefix(config.REDIS_PREFIX),
      lockDuration: lockMs,
      stalledInterval: Math.max(250, Math.floor(lockMs / 2)),
      // A stalled job is moved back and run again rather than failed: the scenario checks that
      // running it twice does no harm.
      maxStalledCount: 5,
      autorun: !hold,
    },
  );
  worker.on('error', () => {});
  return worker;
});
await Promise.all(workers.map((w) => w.waitUntilReady()));
process.on('SIGUSR2', () => {
  for (const w of workers) void w.run().catch(() => {});
  say('running');
});
// The outbox's safety net, as workers/main.ts runs it: a referral whose enqueue failed (Redis
// failing over) is enqueued again from its outbox row.
const ticker = startReferralTicker(deps.queues, config.REFERRAL_SWEEP_MS);
say('ready');

process.on('SIGTERM', () => {
  void (async () => {
    ticker.stop();
    await Promise.all(workers.map((w) => w.close()));
    await deps.queues.close();
    await database.close();
    redis.disconnect();
    process.exit(0);
  })();
});
