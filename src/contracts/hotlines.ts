// A hotline's settings as the administration API answers them and the admin screens read them.
// Constants and zod only: web/ imports this file, so nothing server-side may be imported here.
import { z } from 'zod';

/** ISO weekdays, Monday = '1'. */
export const hotlineWeekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type THotlineWeekday = (typeof hotlineWeekdays)[number];
export const afterHoursModes = ['voicemail', 'forward'] as const;

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const ZRange = z.tuple([ZTime, ZTime]).refine(([open, close]) => open < close, {
  message: 'a range must close after it opens',
});

/** Weekly [open, close) ranges in Vientiane time, plus the dates the hotline is closed. */
export const ZOpeningHours = z.object({
  weekly: z.partialRecord(z.enum(hotlineWeekdays), z.array(ZRange).max(6)),
  holidays: z.array(z.iso.date()).max(366),
});
export type TOpeningHours = z.infer<typeof ZOpeningHours>;

export const ZHotline = z.object({
  number: z.string(),
  nameLo: z.string(),
  nameEn: z.string(),
  phoneNumber: z.string(),
  languages: z.array(z.string()),
  defaultLanguage: z.string(),
  openingHours: ZOpeningHours,
  afterHours: z.enum(afterHoursModes),
  dutyMobile: z.string().nullable(),
  recordingNotice: z.boolean(),
  afterCallQuestion: z.boolean(),
  active: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type THotline = z.infer<typeof ZHotline>;
