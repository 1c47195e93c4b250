import { z } from 'zod';
import { defineJob } from './job-contract';

/** Re-encrypts values still on an old key. One run per request id (an admin's click or a daily tick). */
export const keyRotationJob = defineJob({
  name: 'key-rotation',
  payload: z.object({
    requestId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    requestedBy: z.string().uuid().nullable(),
  }),
  options: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  jobId: (p) => `key-rotation-${p.requestId}`,
});
