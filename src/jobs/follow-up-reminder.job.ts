import { z } from 'zod';
import { defineJob } from './job-contract';

/**
 * Reminds a follow-up's assignee on her desk when it falls due. Keyed by the follow-up: adding
 * it twice is a no-op, and the processor does nothing for one completed or cancelled meanwhile.
 */
export const followUpReminderJob = defineJob({
  name: 'follow-up-reminder',
  payload: z.object({ followUpId: z.string().uuid() }),
  options: { attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true },
  jobId: (p) => `follow-up-${p.followUpId}`,
});
