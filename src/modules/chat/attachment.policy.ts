import type { chatAttachmentFailures } from '../../contracts/chat';

type TFailure = (typeof chatAttachmentFailures)[number];

/**
 * What a contact may send that is kept: images, voice notes and PDF documents (a photo of a
 * passport, a contract). Anything else (video, executables, archives) is recorded as refused and
 * never fetched: the desk is not a place to open unknown files.
 */
export const allowedAttachmentTypes: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/amr',
  'audio/wav',
  'audio/webm',
  'application/pdf',
];

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseContentType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Whether to fetch a described attachment, or why not. */
export function attachmentDecision(
  meta: { contentType: string; sizeBytes: number | null; providerMediaRef: string | null },
  maxBytes: number,
): { fetch: true } | { fetch: false; failure: TFailure } {
  if (!allowedAttachmentTypes.includes(baseContentType(meta.contentType)))
    return { fetch: false, failure: 'type_not_allowed' };
  if (meta.sizeBytes !== null && meta.sizeBytes > maxBytes)
    return { fetch: false, failure: 'too_large' };
  if (!meta.providerMediaRef) return { fetch: false, failure: 'no_media_ref' };
  return { fetch: true };
}
