import { createHash } from 'node:crypto';

const SAMPLE_RATE = 8000;

/**
 * A short sine tone as 8 kHz 16-bit mono WAV, its pitch derived from the prompt's name so
 * different prompts sound different. The demo plays these until an admin uploads recordings.
 */
export function placeholderWav(name: string, seconds = 0.4): Buffer {
  const hz = 300 + (createHash('sha256').update(name).digest().readUInt16BE(0) % 600);
  const samples = Math.round(SAMPLE_RATE * seconds);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const fade = Math.min(1, i / 200, (samples - i) / 200);
    const value = Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE) * 8000 * fade;
    data.writeInt16LE(Math.round(value), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Seconds of audio in a PCM WAV (the simulator uses it to time `<Play>`). */
export function wavSeconds(wav: Buffer): number | null {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF') return null;
  const byteRate = wav.readUInt32LE(28);
  return byteRate ? wav.readUInt32LE(40) / byteRate : null;
}
