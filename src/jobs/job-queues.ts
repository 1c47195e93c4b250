import { Queue, type ConnectionOptions } from 'bullmq';
import type { TJobContract } from './job-contract';

/**
 * BullMQ keys live under the deployment's Redis prefix, behind a Redis Cluster hash tag: BullMQ's
 * scripts touch several keys of a queue at once, so they must share a slot (BullMQ's cluster
 * guide). All queues share it; the job load is small beside what one Redis node carries.
 */
export function bullPrefix(redisPrefix: string): string {
  return `${redisPrefix}:{bull}`;
}

/** Producer side: one Queue per job name, created on first use. */
export class JobQueues {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly connection: ConnectionOptions,
    private readonly redisPrefix: string,
  ) {}

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: bullPrefix(this.redisPrefix),
      });
      queue.on('error', () => {}); // surfaced by the add() that fails
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Validates the payload and adds the job under its deterministic id (a duplicate add is a no-op). */
  async enqueue<P>(
    contract: TJobContract<P>,
    payload: P,
    options: { delay?: number } = {},
  ): Promise<string> {
    const data = contract.payload.parse(payload);
    const jobId = contract.jobId(data);
    await this.queue(contract.name).add(contract.name, data, {
      ...contract.options,
      ...options,
      jobId,
    });
    return jobId;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
