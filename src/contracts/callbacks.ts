// Call-backs and missed calls as the staff API answers them and the desk reads them. Constants
// and zod only: web/ imports this file, so nothing server-side may be imported here.
import { z } from 'zod';

export const callbackOrigins = ['requested', 'missed'] as const;
export const callbackStatuses = ['open', 'taken', 'placed', 'done', 'cancelled'] as const;
export type TCallbackStatus = (typeof callbackStatuses)[number];

/** What earlier contacts said about calling this person back; null when nobody asked. */
export const ZCallbackSafety = z
  .object({
    safeToTalk: z.enum(['yes', 'no', 'unknown']),
    safeCallbackWindow: z.string().nullable(),
    noSms: z.boolean(),
    noVoicemail: z.boolean(),
  })
  .nullable();
export type TCallbackSafety = z.infer<typeof ZCallbackSafety>;

export const ZCallbackTask = z.object({
  id: z.string(),
  callSid: z.string(),
  hotline: z.string(),
  language: z.string(),
  origin: z.enum(callbackOrigins),
  status: z.enum(callbackStatuses),
  takenBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

/** A line of GET /api/staff/callbacks: the task with its safety fields, code word hidden. */
export const ZListedCallbackTask = ZCallbackTask.extend({
  safety: ZCallbackSafety,
  hasCodeWord: z.boolean(),
  /**
   * A call-back waiting in line at the caller's place is not offered outside the caller's safe
   * time: 'not-yet' before it begins, 'ended' after it (then a person decides). Null: it may be.
   */
  heldWhy: z.enum(['not-yet', 'ended']).nullable().optional(),
  /** The safe time the caller keyed on the phone (null: a missed call, nobody asked). */
  safeWindow: z
    .object({ kind: z.enum(['any', 'until', 'from']), hour: z.number().int().optional() })
    .nullable()
    .optional(),
  /**
   * That safe time as it stands now: once it ended, the same hours the next day (the task is
   * held until then). Null where it is open on that side.
   */
  safeFrom: z.iso.datetime().nullable().optional(),
  safeUntil: z.iso.datetime().nullable().optional(),
});
export type TCallbackTask = z.infer<typeof ZListedCallbackTask>;

/** A call that left the queue unanswered today (GET /api/staff/missed-calls). */
export const ZMissedCall = z.object({
  callSid: z.string(),
  hotline: z.string(),
  language: z.string().nullable(),
  enqueuedAt: z.iso.datetime().nullable(),
  /** When the caller hung up (left the queue, or the call ended in the menu). */
  leftQueueAt: z.iso.datetime().nullable(),
  /** Where they hung up: waiting in the queue, or in the welcome or language menu. */
  leftIn: z.enum(['queue', 'menu']),
});
export type TMissedCall = z.infer<typeof ZMissedCall>;

/** The code word agreed with the caller, shown only when a counsellor asks (audited). */
export const ZRevealedCodeWord = z.object({ codeWord: z.string().nullable() });
