import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZAuditPage,
  ZStaffDirectory,
  type TAuditFilter,
} from '../../../../../src/contracts/api/oversight';
import { ZEscalation, ZFailedDelivery } from '../../../../../src/contracts/referral-oversight';

export type { TEscalation, TFailedDelivery } from '../../../../../src/contracts/referral-oversight';
export type {
  TAuditFilter,
  TAuditRow,
  TDirectoryEntry as TStaff,
} from '../../../../../src/contracts/api/oversight';

export const fetchEscalations = () => api.get('/api/staff/escalations', z.array(ZEscalation));
export const fetchFailedDeliveries = () =>
  api.get('/api/staff/referrals/deliveries/failed', z.array(ZFailedDelivery));
export const resendDelivery = (id: string) =>
  api.post(`/api/staff/referrals/deliveries/${id}/resend`, {}, z.object({ id: z.string() }));

export const fetchAuditPage = (filter: TAuditFilter, before?: number) =>
  api.get('/api/staff/audit', ZAuditPage, { query: { ...filter, before, limit: 50 } });

export const fetchStaffDirectory = () => api.get('/api/staff/admin/directory', ZStaffDirectory);
