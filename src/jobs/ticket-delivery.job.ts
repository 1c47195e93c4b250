import { z } from 'zod';
import { defineJob, retryingJobOptions } from './job-contract';

/** Sends one delivery row (portal push, signed webhook or SMS). Retries back off with jitter. */
export const ticketDeliveryJob = defineJob({
  name: 'ticket-delivery',
  payload: z.object({ deliveryId: z.string().uuid() }),
  options: retryingJobOptions,
  jobId: (p) => `delivery-${p.deliveryId}`,
});
