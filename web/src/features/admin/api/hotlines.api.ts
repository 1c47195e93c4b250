import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

export const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type TWeekday = (typeof weekdays)[number];
export type TRange = [string, string];

export const ZOpeningHoursShape = z.object({
  weekly: z.partialRecord(z.enum(weekdays), z.array(z.tuple([z.string(), z.string()]))),
  holidays: z.array(z.string()),
});
export type TOpeningHours = z.infer<typeof ZOpeningHoursShape>;

export const ZHotline = z.object({
  number: z.string(),
  nameLo: z.string(),
  nameEn: z.string(),
  phoneNumber: z.string(),
  languages: z.array(z.string()),
  defaultLanguage: z.string(),
  openingHours: ZOpeningHoursShape,
  afterHours: z.enum(['voicemail', 'forward']),
  dutyMobile: z.string().nullable(),
  recordingNotice: z.boolean(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type THotline = z.infer<typeof ZHotline>;

export type THotlineChange = Partial<
  Pick<
    THotline,
    | 'openingHours'
    | 'afterHours'
    | 'dutyMobile'
    | 'languages'
    | 'defaultLanguage'
    | 'recordingNotice'
    | 'active'
  >
>;

export const fetchHotlines = async () =>
  (await api.get('/api/staff/admin/hotlines', z.object({ hotlines: z.array(ZHotline) }))).hotlines;

export const saveHotline = (number: string, change: THotlineChange) =>
  api.patch(`/api/staff/admin/hotlines/${encodeURIComponent(number)}`, change, ZHotline);
