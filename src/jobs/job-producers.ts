import type { Redis } from 'ioredis';
import { realtimeEmitter } from '../infra/realtime-emitter';
import { JobQueues } from './job-queues';

/**
 * The producer side shared by the API and the workers: BullMQ queues to schedule jobs and the
 * Socket.IO Redis emitter to push to browsers from outside the socket server. Built once per
 * process, by the API's composition root and by the worker process.
 */
export function jobProducers(redis: Redis, prefix: string, queueConnection: Redis = redis) {
  return {
    queues: new JobQueues(queueConnection, prefix),
    emitter: realtimeEmitter(redis, prefix),
    /** The emitter publishes without awaiting: only push while Redis is connected. */
    live: () => redis.status === 'ready',
  };
}

export type TJobProducers = ReturnType<typeof jobProducers>;
