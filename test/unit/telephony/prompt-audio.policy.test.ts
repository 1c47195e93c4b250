import { describe, expect, it } from 'vitest';
import { placeholderWav } from '../../../src/modules/prompts/placeholder-audio.policy';
import { isPlausibleAudio } from '../../../src/modules/prompts/prompt-audio.policy';

/** MPEG-1 layer III, 128 kbit/s, 44.1 kHz frames (417 bytes each, no padding). */
function mp3Frames(count: number): Buffer {
  const frame = Buffer.alloc(417);
  Buffer.from([0xff, 0xfb, 0x90, 0x64]).copy(frame);
  return Buffer.concat(Array.from({ length: count }, () => frame));
}
const id3 = (body: Buffer) =>
  Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 5]), Buffer.alloc(5), body]);

describe('prompt audio checks', () => {
  it('takes a well-formed WAV and MP3 (with or without an ID3 tag)', () => {
    expect(isPlausibleAudio('audio/wav', placeholderWav('welcome'))).toBe(true);
    expect(isPlausibleAudio('audio/mpeg', mp3Frames(3))).toBe(true);
    expect(isPlausibleAudio('audio/mpeg', id3(mp3Frames(2)))).toBe(true);
  });

  it('refuses a WAV whose chunks do not hold together', () => {
    const wav = placeholderWav('welcome');
    const truncated = wav.subarray(0, 100);
    const noFormat = Buffer.from(wav);
    noFormat.writeUInt16LE(0, 22); // zero channels
    const lyingRate = Buffer.from(wav);
    lyingRate.writeUInt32LE(12345, 28); // byte rate that disagrees with the format
    const onlyHeader = Buffer.concat([wav.subarray(0, 12), Buffer.alloc(40)]);
    const emptyData = Buffer.from(wav.subarray(0, 44));
    emptyData.writeUInt32LE(0, 40);
    for (const broken of [truncated, noFormat, lyingRate, onlyHeader, emptyData])
      expect(isPlausibleAudio('audio/wav', broken)).toBe(false);
  });

  it('refuses MPEG bytes that only begin like audio', () => {
    const badBitrate = mp3Frames(2);
    badBitrate[2] = 0xf0; // bitrate index 15 is not allowed
    const junkAfterSync = Buffer.concat([
      Buffer.from([0xff, 0xfb, 0x90, 0x64]),
      Buffer.alloc(600, 7),
    ]);
    const tagThenJunk = id3(Buffer.from('x'.repeat(500)));
    for (const broken of [badBitrate, junkAfterSync, tagThenJunk])
      expect(isPlausibleAudio('audio/mpeg', broken)).toBe(false);
  });
});
