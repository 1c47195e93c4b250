import type { TWebchatAttachmentType } from '../../contracts/webchat-constants';

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** What a file's first bytes say it is, for the types a visitor may send (null: none of them). */
const signatures: Record<TWebchatAttachmentType, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b[0] === 0x89 && ascii(b, 1, 'PNG'),
  'image/gif': (b) => ascii(b, 0, 'GIF8'),
  'image/webp': (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'),
  'audio/ogg': (b) => ascii(b, 0, 'OggS'),
  'audio/mpeg': (b) => ascii(b, 0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  'audio/mp4': (b) => ascii(b, 4, 'ftyp'),
  'audio/aac': (b) => b[0] === 0xff && ((b[1] ?? 0) & 0xf6) === 0xf0,
  'audio/wav': (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE'),
  'audio/webm': (b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3,
  'application/pdf': (b) => ascii(b, 0, '%PDF-'),
};

/**
 * Whether a visitor's whole file may be kept as the type it claims: its size is the one
 * announced and its first bytes are that type's (a renamed program is not a photo). The desk
 * never opens a file by itself; this keeps what it lists honest.
 */
export function webAttachmentRefusal(
  declared: { type: TWebchatAttachmentType; size: number },
  bytes: Uint8Array,
): 'WEBCHAT_ATTACHMENT_TYPE' | 'VALIDATION_FAILED' | null {
  if (bytes.byteLength !== declared.size) return 'VALIDATION_FAILED';
  return signatures[declared.type](bytes) ? null : 'WEBCHAT_ATTACHMENT_TYPE';
}
