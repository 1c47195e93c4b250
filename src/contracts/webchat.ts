// The web chat widget ↔ the anonymous `/webchat` Socket.IO namespace. Constants and zod only: the
// widget (web/src/webchat) bundles this file, so nothing server-side may be imported here.
import { z } from 'zod';
import {
  WEBCHAT_ATTACHMENT_PART_BYTES,
  WEBCHAT_ATTACHMENT_TYPES,
  WEBCHAT_TEXT_MAX,
} from './webchat-constants';

export { WEBCHAT_NAMESPACE, WEBCHAT_TEXT_MAX, webchatRoom } from './webchat-constants';

export const ZHotlineNumber = z.string().regex(/^\d{3,6}$/);

/**
 * The handshake's `auth`: which hotline's widget this is and, when the socket comes back after a
 * dropped connection, the token the server issued and the last message sequence the page has seen.
 */
export const ZWebchatHandshake = z.object({
  hotline: ZHotlineNumber,
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
  after: z.number().int().min(0).optional(),
});
export type TWebchatHandshake = z.infer<typeof ZWebchatHandshake>;

/** What the widget needs to draw its pre-chat: the hotline's names and the languages it serves. */
export const ZWebchatHotline = z.object({
  number: z.string(),
  nameLo: z.string(),
  nameEn: z.string(),
  /** The hotline's chat languages, Lao first. */
  languages: z.array(z.string()),
});
export type TWebchatHotline = z.infer<typeof ZWebchatHotline>;

export const ZWebchatStart = z.object({
  language: z.string().regex(/^[a-z]{2,3}$/),
  /** A name to be called by, never checked against anything; empty means none. */
  name: z.string().trim().max(40).nullable(),
  safeToTalk: z.boolean(),
});
export type TWebchatStart = z.infer<typeof ZWebchatStart>;

export const ZWebchatSend = z.object({
  /** The widget's own id for the message (a UUID): a resend after a lost ack is kept once. */
  id: z.uuid(),
  text: z.string().trim().min(1).max(WEBCHAT_TEXT_MAX),
});
export type TWebchatSend = z.infer<typeof ZWebchatSend>;

/**
 * One part of a file the visitor attaches (parts in order, 0 first). `id` names the file as a
 * message (a resend after a lost ack is kept once); `type` and `size` describe the whole file.
 */
export const ZWebchatAttach = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1).max(120),
  type: z.enum(WEBCHAT_ATTACHMENT_TYPES),
  // Not bounded here: a file too large is told as such (WEBCHAT_ATTACHMENT_TOO_LARGE), not as
  // a malformed request; the server checks `size` against its limit on the first part.
  size: z.number().int().min(1),
  part: z.number().int().min(0),
  parts: z.number().int().min(1),
  bytes: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array)
    .refine((b) => b.byteLength >= 1 && b.byteLength <= WEBCHAT_ATTACHMENT_PART_BYTES),
});
export type TWebchatAttach = z.infer<typeof ZWebchatAttach>;

export const ZWebchatLeave = z.object({ reason: z.enum(['visitor', 'quick_exit']) });

/** A message from the hotline, numbered per conversation so a page that reconnects gets the rest. */
export const ZWebchatMessage = z.object({
  seq: z.number().int().positive(),
  id: z.string(),
  from: z.enum(['counsellor', 'system']),
  text: z.string(),
  at: z.iso.datetime(),
});
export type TWebchatMessage = z.infer<typeof ZWebchatMessage>;

export const webchatEndReasons = ['counsellor', 'blocked', 'expired'] as const;
export type TWebchatEndReason = (typeof webchatEndReasons)[number];

/**
 * Codes a visitor can be told: connect errors (the handshake's `Error.message`) and acks. The
 * widget explains each one in the visitor's language.
 */
export const webchatErrorCodes = [
  'WEBCHAT_ORIGIN_REFUSED',
  'WEBCHAT_BLOCKED',
  'WEBCHAT_SESSION_GONE',
  'WEBCHAT_NOT_STARTED',
  'WEBCHAT_ENDED',
  'RATE_LIMITED',
  'VALIDATION_FAILED',
  'UNAVAILABLE',
  /** A file larger than WEBCHAT_ATTACHMENT_MAX_BYTES. */
  'WEBCHAT_ATTACHMENT_TOO_LARGE',
  /** A file that is not a photo, a voice note or a PDF (or whose bytes are not what it says). */
  'WEBCHAT_ATTACHMENT_TYPE',
] as const;
export type TWebchatErrorCode = (typeof webchatErrorCodes)[number];

export type TWebchatAck<T> = { data: T } | { error: TWebchatErrorCode };

export type TWebchatClientToServer = {
  'webchat:hotline': (payload: unknown, ack: (res: TWebchatAck<TWebchatHotline>) => void) => void;
  'webchat:start': (
    payload: TWebchatStart,
    ack: (res: TWebchatAck<{ token: string }>) => void,
  ) => void;
  'webchat:send': (
    payload: TWebchatSend,
    /** `stopped`: the visitor wrote a stop word, the chat is over and nothing more is sent. */
    ack: (res: TWebchatAck<{ id: string; at: string; stopped: boolean }>) => void,
  ) => void;
  /** One part of a file; the last part's answer says the file reached the hotline (`done`). */
  'webchat:attach': (
    payload: TWebchatAttach,
    ack: (res: TWebchatAck<{ id: string; done: boolean; at: string | null }>) => void,
  ) => void;
  'webchat:leave': (
    payload: z.infer<typeof ZWebchatLeave>,
    ack: (res: TWebchatAck<null>) => void,
  ) => void;
  /** The visitor is typing (sent at most every few seconds); no answer. */
  'webchat:typing': (payload: Record<string, never>) => void;
};

export type TWebchatServerToClient = {
  'webchat:message': (message: TWebchatMessage) => void;
  'webchat:ended': (payload: { reason: TWebchatEndReason }) => void;
  /** The counsellor is typing a reply: the widget shows it for a few seconds. */
  'webchat:typing': () => void;
};
