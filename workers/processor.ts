import type { Job } from 'bullmq';
import type { TWorkerDeps } from './worker-deps';

/** A processor must be idempotent: BullMQ delivers at least once. */
export type TProcessor<P = unknown> = (
  payload: P,
  context: { job: Job; deps: TWorkerDeps },
) => Promise<unknown>;
