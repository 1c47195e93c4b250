import type { Redis } from 'ioredis';
import type { TConfig } from '../src/config/config';
import type { TDatabase, TSql } from '../src/infra/database';
import type { TRealtimeEmitter } from '../src/infra/realtime-emitter';
import type { JobQueues } from '../src/jobs/job-queues';

/** What a processor may use: stores, the queues (to schedule follow-ups) and the Socket.IO emitter. */
export type TWorkerDeps = {
  config: TConfig;
  db: TDatabase;
  sql: TSql;
  redis: Redis;
  queues: JobQueues;
  emitter: TRealtimeEmitter;
};
