import { api } from '../../../shared/api/api-client';
import { ZHotlineList, type THotlineChange } from '../../../../../src/contracts/api/hotlines';
import {
  hotlineWeekdays as weekdays,
  ZHotline,
  type THotline,
  type THotlineWeekday as TWeekday,
} from '../../../../../src/contracts/hotlines';

export { weekdays, type THotline, type THotlineChange, type TWeekday };
export type { TOpeningHours } from '../../../../../src/contracts/hotlines';
export type TRange = [string, string];

export const fetchHotlines = async () =>
  (await api.get('/api/staff/admin/hotlines', ZHotlineList)).hotlines;

export const saveHotline = (number: string, change: THotlineChange) =>
  api.patch(`/api/staff/admin/hotlines/${encodeURIComponent(number)}`, change, ZHotline);
