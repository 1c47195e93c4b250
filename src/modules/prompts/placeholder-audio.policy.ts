import { createHash } from 'node:crypto';
import { monoPcmWav } from './pcm-wav';

const SAMPLE_RATE = 8000;

/**
 * A short sine tone as 8 kHz 16-bit mono WAV, its pitch derived from the prompt's name so
 * different prompts sound different. The demo plays these until an admin uploads recordings.
 */
export function placeholderWav(name: string, seconds = 0.4): Buffer {
  const hz = 300 + (createHash('sha256').update(name).digest().readUInt16BE(0) % 600);
  const samples = Math.round(SAMPLE_RATE * seconds);
  return monoPcmWav(SAMPLE_RATE, samples, (i) => {
    const fade = Math.min(1, i / 200, (samples - i) / 200);
    return Math.round(Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE) * 8000 * fade);
  });
}

/** Seconds of audio in a PCM WAV (the simulator uses it to time `<Play>`). */
export function wavSeconds(wav: Buffer): number | null {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF') return null;
  const byteRate = wav.readUInt32LE(28);
  return byteRate ? wav.readUInt32LE(40) / byteRate : null;
}
