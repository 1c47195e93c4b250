import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZRetentionPolicy,
  type TRetentionPolicy,
} from '../../../../../src/contracts/api/retention';

export {
  retentionRecordTypes as recordTypes,
  type TRetentionPolicy as TPolicy,
} from '../../../../../src/contracts/api/retention';

export const fetchRetention = () =>
  api.get('/api/staff/admin/retention', z.array(ZRetentionPolicy));
export const setRetention = (
  recordType: TRetentionPolicy['recordType'],
  retainDays: number | null,
) => api.put(`/api/staff/admin/retention/${recordType}`, { retainDays }, ZRetentionPolicy);
