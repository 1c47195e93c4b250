import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  hotlineWeekdays as weekdays,
  ZHotline,
  type THotline,
  type THotlineWeekday as TWeekday,
} from '../../../../../src/contracts/hotlines';

export { weekdays, type THotline, type TWeekday };
export type { TOpeningHours } from '../../../../../src/contracts/hotlines';
export type TRange = [string, string];

/**
 * Weekly ranges and closed dates without the hotline's rules (a partner unit's night shift
 * closes before it opens): the directory reads partner hours through it.
 */
export const ZOpeningHoursShape = z.object({
  weekly: z.partialRecord(z.enum(weekdays), z.array(z.tuple([z.string(), z.string()]))),
  holidays: z.array(z.string()),
});

export type THotlineChange = Partial<
  Pick<
    THotline,
    | 'openingHours'
    | 'afterHours'
    | 'dutyMobile'
    | 'languages'
    | 'defaultLanguage'
    | 'recordingNotice'
    | 'afterCallQuestion'
    | 'active'
  >
>;

export const fetchHotlines = async () =>
  (await api.get('/api/staff/admin/hotlines', z.object({ hotlines: z.array(ZHotline) }))).hotlines;

export const saveHotline = (number: string, change: THotlineChange) =>
  api.patch(`/api/staff/admin/hotlines/${encodeURIComponent(number)}`, change, ZHotline);
