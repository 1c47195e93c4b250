import { UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import type { TJobContract } from '../src/jobs/job-contract';
import { bullPrefix } from '../src/jobs/job-queues';
import type { TProcessor } from './processor';
import type { TWorkerDeps } from './worker-deps';

export class MissingProcessorError extends Error {
  override name = 'MissingProcessorError';
}

export type TRunningWorkers = { workers: Worker[]; close: () => Promise<void> };

/**
 * Jobs run side by side per process. A referral dispatch mostly waits (Postgres, then the
 * partner's webhook answering in tens of milliseconds), so at 100 referrals/s it needs several
 * dozen in flight; so does a delivery retry.
 */
const concurrencyOf: Record<string, number> = { 'referral-dispatch': 64, 'ticket-delivery': 32 };

/**
 * One BullMQ Worker per job contract. Refuses to start when a contract has no processor, so a
 * job can never be enqueued that nothing will ever run.
 */
export function startWorkers(options: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  contracts: ReadonlyArray<TJobContract<any>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  processors: Record<string, TProcessor<any>>;
  connection: ConnectionOptions;
  deps: TWorkerDeps;
  concurrency?: number;
}): TRunningWorkers {
  const missing = options.contracts.filter((c) => !options.processors[c.name]).map((c) => c.name);
  if (missing.length)
    throw new MissingProcessorError(`No processor for job(s): ${missing.join(', ')}`);

  const workers = options.contracts.map((contract) => {
    const processor = options.processors[contract.name] as TProcessor;
    const worker = new Worker(
      contract.name,
      async (job) => {
        const parsed = contract.payload.safeParse(job.data);
        // A malformed payload will never become valid: do not retry it.
        if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${contract.name}`);
        return processor(parsed.data, { job, deps: options.deps });
      },
      {
        connection: options.connection,
        prefix: bullPrefix(options.deps.config.REDIS_PREFIX),
        concurrency: options.concurrency ?? concurrencyOf[contract.name] ?? 10,
      },
    );
    worker.on('error', () => {}); // connection errors: BullMQ reconnects by itself
    return worker;
  });
  return { workers, close: async () => void (await Promise.all(workers.map((w) => w.close()))) };
}
