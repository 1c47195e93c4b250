import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import { ZSecondFactorSetting } from '../../../../../src/contracts/second-factor';
import type { TUser } from './users.api';

export type { TSecondFactorSetting } from '../../../../../src/contracts/second-factor';

const ZSettings = z.array(ZSecondFactorSetting);
const exemptionUrl = (role: TUser['role']) => `/api/staff/second-factor/roles/${role}/exemption`;

export const fetchSecondFactorSettings = () => api.get('/api/staff/second-factor/roles', ZSettings);
export const exemptRole = (role: TUser['role'], reason: string) =>
  api.put(exemptionUrl(role), { reason }, ZSettings);
export const requireAgain = (role: TUser['role']) => api.delete(exemptionUrl(role), ZSettings);
