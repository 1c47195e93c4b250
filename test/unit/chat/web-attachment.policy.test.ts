import { describe, expect, it } from 'vitest';
import { webAttachmentRefusal } from '../../../src/modules/webchat/webchat-attachment.policy';

const bytes = (head: string, size = 64) =>
  Buffer.concat([Buffer.from(head, 'hex'), Buffer.alloc(size - head.length / 2)]);

// The server keeps a visitor's file only as the type it claims: a program renamed .png is not a
// photo, and a file whose parts do not add up to the announced size is not the file announced.
describe('a web visitor file is kept as the type it claims', () => {
  it('when its first bytes are that type', () => {
    const png = bytes('89504e470d0a1a0a');
    expect(webAttachmentRefusal({ type: 'image/png', size: 64 }, png)).toBeNull();
    const jpeg = bytes('ffd8ffe0');
    expect(webAttachmentRefusal({ type: 'image/jpeg', size: 64 }, jpeg)).toBeNull();
    const ogg = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]);
    expect(webAttachmentRefusal({ type: 'audio/ogg', size: 64 }, ogg)).toBeNull();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(56)]);
    expect(webAttachmentRefusal({ type: 'application/pdf', size: 64 }, pdf)).toBeNull();
  });

  it('not when the bytes are of something else, or the size is not the one announced', () => {
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62)]);
    expect(webAttachmentRefusal({ type: 'image/png', size: 64 }, program)).toBe(
      'WEBCHAT_ATTACHMENT_TYPE',
    );
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(56)]);
    expect(webAttachmentRefusal({ type: 'audio/ogg', size: 64 }, pdf)).toBe(
      'WEBCHAT_ATTACHMENT_TYPE',
    );
    expect(webAttachmentRefusal({ type: 'image/png', size: 65 }, bytes('89504e470d0a1a0a'))).toBe(
      'VALIDATION_FAILED',
    );
  });
});
