import { z } from 'zod';
import { defineJob } from './job-contract';

/** A dry run or an import of one uploaded batch (the file is on the batch row, encrypted). */
export const importRunJob = defineJob({
  name: 'import-run',
  payload: z.object({ batchId: z.uuid(), mode: z.enum(['check', 'import']) }),
  options: {
    // Retrying is safe: the import skips ids it already wrote (import_records).
    attempts: 3,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  jobId: (p) => `import-${p.batchId}-${p.mode}`,
});
