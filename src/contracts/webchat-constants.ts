// Plain constants of the web chat contract, without zod: the widget bundles only these and the
// types, so it stays small on a visitor's phone.

export const WEBCHAT_NAMESPACE = '/webchat';

/** Messages a visitor may type at once; the chat module takes up to 4096, a widget needs less. */
export const WEBCHAT_TEXT_MAX = 2000;

/** The room of one visitor's conversation (every socket of it, on any API node). */
export const webchatRoom = (ref: string) => `webchat:${ref}`;

/**
 * Files a visitor may attach: photos, voice notes and PDF documents (a subset of what the chat
 * module keeps from any channel), each at most WEBCHAT_ATTACHMENT_MAX_BYTES. The widget checks
 * both before sending and the server again on arrival.
 */
export const WEBCHAT_ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/wav',
  'audio/webm',
  'application/pdf',
] as const;
export type TWebchatAttachmentType = (typeof WEBCHAT_ATTACHMENT_TYPES)[number];

export const WEBCHAT_ATTACHMENT_MAX_BYTES = 5_000_000;

/**
 * A file goes over the socket in parts of this size: Socket.IO closes a connection whose single
 * packet passes its 1 MB buffer, so a 5 MB photo is sent in pieces and put together on arrival.
 */
export const WEBCHAT_ATTACHMENT_PART_BYTES = 256 * 1024;
