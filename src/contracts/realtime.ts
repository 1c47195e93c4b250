import { z } from 'zod';
import type { TChatServerEvents, ZChatTyping } from './chat-realtime';
import type { TReferralServerEvents } from './referrals-realtime';

/**
 * The one Socket.IO contract between the API (src/realtime) and the browser (web/). Event names
 * are `entity:verb`; every client→server event carries a zod-validated payload and answers
 * through an ack `{ data } | { error: code }`. Socket.IO delivers at most once: the client
 * rebuilds its whole view from `state:snapshot`, sent on every (re)connect and on `state:sync`.
 * No personal data travels here: calls are identified by their SID only.
 */

export const counsellorStates = [
  'offline',
  'available',
  'offered',
  'on_call',
  'wrap_up',
  'away',
] as const;
export type TCounsellorState = (typeof counsellorStates)[number];

export const ZCounsellorView = z.object({
  userId: z.string(),
  state: z.enum(counsellorStates),
  /** Why the counsellor is away (`break`, `training`, `missed_calls`, `disconnected`, …). */
  reason: z.string().nullable(),
  hotlines: z.array(z.string()),
  languages: z.array(z.string()),
  /** When the counsellor last became available (longest idle is offered first). */
  idleSince: z.number().nullable(),
  /** The task she is on (a call's SID or a chat's id), while on a task or wrapping one up. */
  taskId: z.string().nullable(),
  wrapUpUntil: z.number().nullable(),
  rejects: z.number(),
  timeouts: z.number(),
  consecutiveTimeouts: z.number(),
  /** Chats she holds now (a chat leaves her available within her chat capacity); absent: none. */
  chats: z.number().optional(),
});
export type TCounsellorView = z.infer<typeof ZCounsellorView>;

/** What an offered task carries: a call, or a chat (its id is then the conversation id). */
export const offerChannels = ['voice', 'chat'] as const;
export type TOfferChannel = (typeof offerChannels)[number];

export const ZOfferView = z.object({
  offerId: z.string(),
  /** The task's id: a call's SID, or a chat conversation's id when `channel` is 'chat'. */
  taskId: z.string(),
  channel: z.enum(offerChannels),
  hotline: z.string(),
  language: z.string(),
  kind: z.enum(['inbound', 'callback']),
  /** First time the caller entered the queue (ms since epoch). */
  enqueuedAt: z.number(),
  expiresAt: z.number(),
});
export type TOfferView = z.infer<typeof ZOfferView>;

/** Tasks of one channel waiting in a hotline's line: how many, the longest wait, per language. */
export const ZQueueLine = z.object({
  waiting: z.number(),
  longestWaitMs: z.number(),
  byLanguage: z.array(
    z.object({ language: z.string(), waiting: z.number(), longestWaitMs: z.number() }),
  ),
});
export type TQueueLine = z.infer<typeof ZQueueLine>;

/**
 * A hotline's line, each channel apart: the top-level figures are callers (voice) only, `chats`
 * the chats waiting in the same line, so a waiting chat is never shown as a waiting caller.
 */
export const ZQueueView = ZQueueLine.extend({
  hotline: z.string(),
  chats: ZQueueLine,
});
export type TQueueView = z.infer<typeof ZQueueView>;

/**
 * What a desk shows of one queue it serves (a hotline in one of its languages): how many callers
 * wait, and since when the longest of them waits (the desk counts the seconds itself).
 */
export const ZQueueCount = z.object({
  hotline: z.string(),
  language: z.string(),
  waiting: z.number(),
  /** When the longest-waiting caller entered the queue (ms since epoch); null when nobody waits. */
  oldestAt: z.number().nullable(),
});
export type TQueueCount = z.infer<typeof ZQueueCount>;

export const ZStateSnapshot = z.object({
  serverTime: z.number(),
  me: ZCounsellorView.nullable(),
  offer: ZOfferView.nullable(),
  /** The detailed queues of the user's hotlines (kept live for supervisors by `queue:updated`). */
  queues: z.array(ZQueueView),
  /** Each hotline and language the user serves (kept live for desks by `queue:counts`). */
  counts: z.array(ZQueueCount),
  /** Supervisors only: every counsellor of their hotlines. */
  counsellors: z.array(ZCounsellorView),
});
export type TStateSnapshot = z.infer<typeof ZStateSnapshot>;

export const ZHotlineFigures = z.object({
  hotline: z.string(),
  offered: z.number(),
  answered: z.number(),
  abandoned: z.number(),
  /** Abandoned within 5 s of entering the queue: not counted against the service level. */
  shortAbandoned: z.number(),
  /** Hung up in the welcome or the language menu, before reaching the queue. */
  leftInMenu: z.number(),
  /** Share of answered-or-abandoned calls answered within 20 s (null when none). */
  serviceLevel: z.number().nullable(),
  averageSpeedOfAnswerS: z.number().nullable(),
  averageHandleTimeS: z.number().nullable(),
});
export type THotlineFigures = z.infer<typeof ZHotlineFigures>;

/** Chats beside calls, per hotline: now (waiting, active) and since `since` (first response). */
export const ZChatFigures = z.object({
  hotline: z.string(),
  /** Chats not taken yet (waiting or being offered). */
  waiting: z.number(),
  /** When the longest-waiting chat arrived (ISO), null when none waits. */
  oldestWaitingSince: z.string().nullable(),
  /** Chats a counsellor holds now. */
  active: z.number(),
  /** Average time from a chat arriving to the counsellor's first reply (null when none yet). */
  averageFirstResponseS: z.number().nullable(),
});
export type TChatFigures = z.infer<typeof ZChatFigures>;

/** Call-backs per hotline: waiting now (held ones included), and today's time to call back. */
export const ZCallbackFigures = z.object({
  hotline: z.string(),
  /** Asked for and not placed yet. */
  waiting: z.number(),
  /** Average from the caller's request to the call-back being placed, today (null: none yet). */
  averageTimeToCallbackS: z.number().nullable(),
});
export type TCallbackFigures = z.infer<typeof ZCallbackFigures>;

export const ZSupervisorFigures = z.object({
  since: z.string(),
  /**
   * The hotlines these figures cover (null: every hotline). A supervisor of two hotlines gets one
   * push per hotline, so a push replaces only its own hotlines' figures, not the others'.
   */
  scope: z.array(z.string()).nullable(),
  hotlines: z.array(ZHotlineFigures),
  chats: z.array(ZChatFigures),
  callbacks: z.array(ZCallbackFigures),
  queues: z.array(ZQueueView),
  counsellorsByState: z.record(z.enum(counsellorStates), z.number()),
  /** Counsellors on a call or in wrap-up, as a share of those signed in and not away. */
  occupancy: z.number().nullable(),
  counsellors: z.array(
    z.object({
      userId: z.string(),
      state: z.enum(counsellorStates),
      rejects: z.number(),
      timeouts: z.number(),
    }),
  ),
});
export type TSupervisorFigures = z.infer<typeof ZSupervisorFigures>;

export const realtimeErrorCodes = [
  'VALIDATION_FAILED',
  /** The session ended (signed out, expired, user changed or disabled); the socket closes. */
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OFFER_GONE',
  'INVALID_TRANSITION',
  'TELEPHONY_FAILED',
  'CALLER_NOT_WAITING',
  'COUNSELLOR_NOT_AVAILABLE',
  /** Another listen/whisper/barge request of the same supervisor is still being set up. */
  'MONITOR_BUSY',
  'INTERNAL',
] as const;
export type TRealtimeErrorCode = (typeof realtimeErrorCodes)[number];

export type TAck<T> = (res: { data: T } | { error: TRealtimeErrorCode }) => void;

// Client → server payloads.
export const ZPresenceSet = z.object({
  state: z.enum(['available', 'away', 'offline']),
  reason: z.string().max(40).optional(),
});
export const ZOfferRef = z.object({ offerId: z.string().min(1).max(80) });
export const ZCallRef = z.object({ callSid: z.string().regex(/^CA[0-9a-zA-Z]{1,64}$/) });
export const ZCallHold = ZCallRef.extend({ hold: z.boolean() });
export const ZCallMute = ZCallRef.extend({ muted: z.boolean() });
export const ZCallTransfer = ZCallRef.extend({
  to: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('queue'), hotline: z.string().min(1), language: z.string().min(2) }),
    z.object({ kind: z.literal('counsellor'), userId: z.string().min(1) }),
  ]),
});
export const ZCallAddParty = ZCallRef.extend({
  role: z.enum(['interpreter', 'partner']),
  to: z.string().regex(/^\+[1-9]\d{6,14}$/),
});
export const ZCallMonitor = ZCallRef.extend({ mode: z.enum(['listen', 'whisper', 'barge']) });
export const ZEmpty = z.object({}).strict();
/**
 * A waiting task's id as routing holds it: a call's SID, a chat conversation's id (a UUID) or a
 * call-back's (`cb-` and a UUID). Supervisors act on any of them in the queue.
 */
export const ZTaskId = z
  .string()
  .regex(
    /^(CA[0-9a-zA-Z]{1,64}|(cb-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
  );
export const ZTaskRef = z.object({ taskId: ZTaskId });
/** Supervisor: offer a waiting task (call, chat, call-back) to a named available counsellor. */
export const ZQueueAssign = ZTaskRef.extend({ userId: z.string().min(1).max(80) });
/** Supervisor: move a waiting task forward (child caller, imminent danger). */
export const ZQueuePrioritise = ZTaskRef.extend({
  reason: z.enum(['child', 'imminent-danger']),
  boostMinutes: z.number().int().min(1).max(240),
});

/** One waiting caller as the supervisor's queue view lists it (no personal data: SID only). */
export const ZWaitingCallerView = z.object({
  /** The waiting task's id: a call's SID, or a chat conversation's id when `channel` is 'chat'. */
  taskId: z.string(),
  hotline: z.string(),
  language: z.string(),
  enqueuedAt: z.number(),
  priorityBoostMs: z.number(),
  /** 1-based place in the hotline's queue. */
  position: z.number(),
  /**
   * `offered` while a counsellor's phone rings for this caller; `held` for a call-back outside
   * its caller's safe time (keeps the place, offered to nobody: `heldWhy` says why).
   */
  state: z.enum(['waiting', 'offered', 'held']),
  offeredTo: z.string().nullable(),
  /** A caller on the line, or a call-back that kept the caller's place (press 1). */
  kind: z.enum(['inbound', 'callback']),
  /** A call or a chat waiting in the same line (shown apart: a chat is not a caller). */
  channel: z.enum(offerChannels),
  /** Held because the caller's safe time has not begun ('not-yet') or is over ('ended'). */
  heldWhy: z.enum(['not-yet', 'ended']).nullable(),
  /** The caller's safe time for a call-back (ms since epoch; null: open on that side). */
  safeFrom: z.number().nullable(),
  safeUntil: z.number().nullable(),
});
export type TWaitingCallerView = z.infer<typeof ZWaitingCallerView>;

export type TClientToServerEvents = {
  'state:sync': (payload: z.input<typeof ZEmpty>, ack: TAck<TStateSnapshot>) => void;
  'presence:set': (payload: z.input<typeof ZPresenceSet>, ack: TAck<TCounsellorView>) => void;
  'call:accept': (payload: z.input<typeof ZOfferRef>, ack: TAck<{ taskId: string }>) => void;
  'call:reject': (payload: z.input<typeof ZOfferRef>, ack: TAck<{ offerId: string }>) => void;
  'call:hold': (payload: z.input<typeof ZCallHold>, ack: TAck<{ callSid: string }>) => void;
  'call:mute': (payload: z.input<typeof ZCallMute>, ack: TAck<{ callSid: string }>) => void;
  'call:transfer': (payload: z.input<typeof ZCallTransfer>, ack: TAck<{ callSid: string }>) => void;
  'call:add-party': (
    payload: z.input<typeof ZCallAddParty>,
    ack: TAck<{ participantSid: string }>,
  ) => void;
  'call:hangup': (payload: z.input<typeof ZCallRef>, ack: TAck<{ callSid: string }>) => void;
  'call:monitor': (
    payload: z.input<typeof ZCallMonitor>,
    ack: TAck<{ participantSid: string; switched: boolean }>,
  ) => void;
  /** Supervisor: leave the call she listens to (hangs up her monitoring leg). */
  'call:monitor-stop': (payload: z.input<typeof ZEmpty>, ack: TAck<{ stopped: boolean }>) => void;
  'wrapup:end': (payload: z.input<typeof ZEmpty>, ack: TAck<TCounsellorView>) => void;
  'queue:assign': (payload: z.input<typeof ZQueueAssign>, ack: TAck<{ offerId: string }>) => void;
  'queue:prioritise': (
    payload: z.input<typeof ZQueuePrioritise>,
    ack: TAck<{ taskId: string }>,
  ) => void;
  /** The counsellor types a reply in one of her chats (throttled by the desk). */
  'chat:typing': (payload: z.input<typeof ZChatTyping>, ack: TAck<null>) => void;
};

export type TOfferWithdrawnReason = 'timeout' | 'caller-left' | 'disconnected' | 'taken';

/** Routing and the desk: offers, presence, queue views, calls, callbacks, figures, follow-ups. */
export type TDeskServerEvents = {
  'state:snapshot': (snapshot: TStateSnapshot) => void;
  'presence:updated': (counsellor: TCounsellorView) => void;
  'call:offered': (offer: TOfferView) => void;
  'call:withdrawn': (payload: { offerId: string; reason: TOfferWithdrawnReason }) => void;
  'call:connected': (payload: { callSid: string; conferenceName: string }) => void;
  'call:ended': (payload: { callSid: string }) => void;
  /** Supervisors: one hotline's detailed queue, a few times a second while it changes. */
  'queue:updated': (queue: TQueueView) => void;
  /** Desks: one hotline and language they serve, at most once a second, when its count changed. */
  'queue:counts': (count: TQueueCount) => void;
  'callback:updated': (payload: { taskId: string; status: string; hotline: string }) => void;
  /** Every few seconds, per hotline, to that hotline's supervisors. */
  'figures:updated': (figures: TSupervisorFigures) => void;
  /** A follow-up assigned to this counsellor fell due (ids and case code only). */
  'followup:due': (payload: {
    followUpId: string;
    caseId: string;
    caseCode: string;
    dueOn: string;
  }) => void;
};

/**
 * Every event the server pushes to a browser, whoever pushes it (the API's routing, the workers'
 * emitter): the API's `io`, the emitters and the web's socket are all typed with this one map.
 */
export type TServerToClientEvents = TDeskServerEvents & TReferralServerEvents & TChatServerEvents;

/** Room names: one per counsellor, per hotline, per hotline and language, and for supervisors. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  hotline: (hotline: string) => `hotline:${hotline}`,
  /** The desks serving one hotline in one language: they hear its waiting count. */
  desks: (hotline: string, language: string) => `desks:${hotline}:${language}`,
  /** Every supervisor and administrator (referral tickets); no hotline's live queue or presence. */
  supervisors: 'supervisors',
  /**
   * Supervisors of one hotline: its detailed queue, its counsellors' presence and its figures,
   * so a supervisor of one hotline never hears another's.
   */
  supervisorsOf: (hotline: string) => `supervisors:${hotline}`,
  /** Administrators, who watch every hotline (hotline numbers are digits: no clash). */
  supervisorsOfEveryHotline: 'supervisors-of-every-hotline',
} as const;
