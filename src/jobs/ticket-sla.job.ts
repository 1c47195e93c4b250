import { z } from 'zod';
import { defineJob } from './job-contract';

/**
 * A delayed SLA check keyed by ticket, ticket version and escalation level: any change to the
 * ticket bumps its version, so older timers find nothing to do.
 */
export const ticketSlaTimerJob = defineJob({
  name: 'ticket-sla-timer',
  payload: z.object({
    ticketId: z.string().uuid(),
    version: z.number().int().positive(),
    level: z.number().int().min(1).max(4),
  }),
  options: { attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true },
  jobId: (p) => `sla-${p.ticketId}-v${p.version}-l${p.level}`,
});

/** The periodic sweep: escalates anything overdue whose delayed timer was lost (Redis data loss). */
export const ticketSlaSweepJob = defineJob({
  name: 'ticket-sla-sweep',
  payload: z.object({}),
  options: { attempts: 1, removeOnComplete: true, removeOnFail: true },
  jobId: () => 'sla-sweep',
});
