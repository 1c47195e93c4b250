import { describe, expect, it } from 'vitest';
import { encodeWav, TELEPHONE_RATE } from '../../../web/src/features/admin/recording/wav-encoder';
import { isPlausibleAudio } from '../../../src/modules/prompts/prompt-audio.policy';

describe('a browser recording as telephone audio', () => {
  it('is a mono 16-bit 8 kHz WAV the upload check accepts', () => {
    const samples = Float32Array.from({ length: TELEPHONE_RATE }, (_, i) =>
      Math.sin((2 * Math.PI * 440 * i) / TELEPHONE_RATE),
    );
    const wav = Buffer.from(encodeWav(samples, TELEPHONE_RATE));
    expect(wav.length).toBe(44 + TELEPHONE_RATE * 2);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(isPlausibleAudio('audio/wav', wav)).toBe(true);
  });

  it('clips loud samples instead of wrapping them round', () => {
    const wav = Buffer.from(encodeWav(Float32Array.from([2, -2, 0.5]), TELEPHONE_RATE));
    expect(wav.readInt16LE(44)).toBe(32767);
    expect(wav.readInt16LE(46)).toBe(-32768);
    expect(wav.readInt16LE(48)).toBe(16383);
  });
});
