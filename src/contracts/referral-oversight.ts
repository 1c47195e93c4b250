// What supervisors read about referrals going wrong: the escalation inbox and the deliveries that
// never reached a partner. Shared by the staff API and web/ (supervisor screens). Constants and
// zod only: web/ imports this file, so nothing server-side may be imported here.
import { z } from 'zod';

/** The ticket timer a line of the escalation inbox is about. */
export const escalationTimers = ['acknowledge', 'decide', 'update', 'resolve'] as const;
export type TEscalationTimer = (typeof escalationTimers)[number];

/** A ticket past its due time or escalated (GET /api/staff/escalations). */
export const ZEscalation = z.object({
  ticketId: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  hotline: z.string().nullable(),
  unitNameLo: z.string(),
  unitNameEn: z.string(),
  needs: z.array(z.string()),
  priority: z.string(),
  state: z.string(),
  escalationLevel: z.number(),
  timer: z.enum(escalationTimers).nullable(),
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
});
export type TEscalation = z.infer<typeof ZEscalation>;

/** A webhook or SMS delivery that gave up (GET /api/staff/referrals/deliveries/failed). */
export const ZFailedDelivery = z.object({
  id: z.string(),
  ticketId: z.string(),
  channel: z.string(),
  event: z.string(),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  failedAt: z.iso.datetime().nullable(),
  hotline: z.string().nullable(),
  unitName: z.string(),
  unitNameLo: z.string(),
});
export type TFailedDelivery = z.infer<typeof ZFailedDelivery>;
