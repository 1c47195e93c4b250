import type { JobQueues } from '../../jobs/job-queues';
import { keyRotationJob } from '../../jobs/key-rotation.job';
import { retentionJob } from '../../jobs/retention.job';

/**
 * Once a day (job ids carry the date, so several worker processes add it once): the retention
 * sweep and a key-rotation pass. A timer in the worker rather than a scheduler stored in Redis,
 * so it comes back by itself after Redis loses its data.
 */
export function startRecordsTicker(queues: JobQueues, everyMs = 3_600_000): { stop: () => void } {
  const tick = () => {
    const day = new Date().toISOString().slice(0, 10);
    queues.enqueue(retentionJob, { runId: day }).catch(() => {});
    queues
      .enqueue(keyRotationJob, { requestId: `daily-${day}`, requestedBy: null })
      .catch(() => {});
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return { stop: () => clearInterval(timer) };
}
