import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';

/**
 * A job's contract: its name (also its queue), payload schema, default options and the
 * deterministic id that makes enqueuing it twice a no-op. Payloads carry ids only, never
 * personal data. BullMQ forbids ':' in custom job ids: join parts with '-'.
 */
export type TJobContract<TPayload = unknown> = {
  name: string;
  payload: z.ZodType<TPayload>;
  options: JobsOptions;
  jobId: (payload: TPayload) => string;
};

export function defineJob<TPayload>(contract: TJobContract<TPayload>): TJobContract<TPayload> {
  return contract;
}

/** Retries for work that talks to other systems: 8 attempts, exponential from 1 s, with jitter. */
export const retryingJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
