import type { TAppDeps } from '../../../app.types';
import { realtimeEmitter, type TRealtimeEmitter } from '../../../infra/realtime-emitter';
import { JobQueues } from '../../../jobs/job-queues';

export type TReferralRuntime = {
  queues: JobQueues;
  emitter: TRealtimeEmitter;
  /** The emitter publishes without awaiting: only push while Redis is connected. */
  live: () => boolean;
};

const runtimes = new WeakMap<TAppDeps, TReferralRuntime>();

/**
 * The API's producer side for referrals: BullMQ queues and the Socket.IO emitter on the app's
 * fail-fast Redis connection (a request never waits on a dead Redis; the outbox catches up).
 */
export function referralRuntime(deps: TAppDeps): TReferralRuntime {
  let runtime = runtimes.get(deps);
  if (!runtime) {
    runtime = {
      queues: new JobQueues(deps.redis, deps.config.REDIS_PREFIX),
      emitter: realtimeEmitter(deps.redis, deps.config.REDIS_PREFIX),
      live: () => deps.redis.status === 'ready',
    };
    runtimes.set(deps, runtime);
  }
  return runtime;
}
