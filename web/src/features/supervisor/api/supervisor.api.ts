import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

const ZEscalation = z.object({
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
  timer: z.enum(['acknowledge', 'decide', 'update', 'resolve']).nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type TEscalation = z.infer<typeof ZEscalation>;

const ZFailedDelivery = z.object({
  id: z.string(),
  ticketId: z.string(),
  channel: z.string(),
  event: z.string(),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  failedAt: z.string().nullable(),
  hotline: z.string().nullable(),
  unitName: z.string(),
});
export type TFailedDelivery = z.infer<typeof ZFailedDelivery>;

const ZAuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  caseCode: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TAuditRow = z.infer<typeof ZAuditRow>;
const ZAuditPage = z.object({ rows: z.array(ZAuditRow), nextBefore: z.number().nullable() });

export type TAuditFilter = {
  caseCode?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
};

const ZStaff = z.object({ userId: z.string(), displayName: z.string(), role: z.string() });
export type TStaff = z.infer<typeof ZStaff>;

export const fetchEscalations = () => api.get('/api/staff/escalations', z.array(ZEscalation));
export const fetchFailedDeliveries = () =>
  api.get('/api/staff/referrals/deliveries/failed', z.array(ZFailedDelivery));
export const resendDelivery = (id: string) =>
  api.post(`/api/staff/referrals/deliveries/${id}/resend`, {}, z.object({ id: z.string() }));

export const fetchAuditPage = (filter: TAuditFilter, before?: number) =>
  api.get('/api/staff/audit', ZAuditPage, { query: { ...filter, before, limit: 50 } });

export const fetchStaffDirectory = () =>
  api.get('/api/staff/admin/directory', z.object({ staff: z.array(ZStaff) }));
