import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import { ZEscalation, ZFailedDelivery } from '../../../../../src/contracts/referral-oversight';

export type { TEscalation, TFailedDelivery } from '../../../../../src/contracts/referral-oversight';

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
