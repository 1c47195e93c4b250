import { monoPcmWav } from './pcm-wav';

/**
 * A recording as telephone WAV (mono, 16-bit PCM, 8 kHz): what the browser recorder makes of a
 * microphone recording (web/src/features/admin/recording/wav-encoder.ts), done here for audio
 * that reaches the server another way (the recording line fetches Twilio's WAV). PCM only;
 * anything else is null, and the caller is told the recording could not be kept.
 */
export const TELEPHONE_RATE = 8000;

type TPcm = { rate: number; channels: number; bits: number; data: Buffer };

function readPcm(wav: Buffer): TPcm | null {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF') return null;
  if (wav.toString('ascii', 8, 12) !== 'WAVE') return null;
  let fmt: Omit<TPcm, 'data'> | null = null;
  for (let at = 12; at + 8 <= wav.length;) {
    const id = wav.toString('ascii', at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > wav.length || wav.readUInt16LE(body) !== 1) return null;
      fmt = {
        channels: wav.readUInt16LE(body + 2),
        rate: wav.readUInt32LE(body + 4),
        bits: wav.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) return null;
      // Twilio (like many writers) may leave a streaming size in the header: take what is there.
      return { ...fmt, data: wav.subarray(body, Math.min(wav.length, body + size)) };
    }
    at = body + size + (size % 2);
  }
  return null;
}

/** Mono samples in [-1, 1]: channels averaged. */
function monoSamples(pcm: TPcm): Float32Array | null {
  const bytes = pcm.bits / 8;
  if ((pcm.bits !== 8 && pcm.bits !== 16) || pcm.channels < 1 || pcm.channels > 2) return null;
  const frames = Math.floor(pcm.data.length / (bytes * pcm.channels));
  const out = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < pcm.channels; c++) {
      const at = (f * pcm.channels + c) * bytes;
      sum +=
        pcm.bits === 16 ? pcm.data.readInt16LE(at) / 32768 : ((pcm.data[at] ?? 128) - 128) / 128;
    }
    out[f] = sum / pcm.channels;
  }
  return out;
}

/** Linear interpolation to 8 kHz (speech fits well under its 4 kHz limit). */
function resample(samples: Float32Array, rate: number): Float32Array {
  if (rate === TELEPHONE_RATE) return samples;
  const length = Math.max(1, Math.floor((samples.length * TELEPHONE_RATE) / rate));
  const out = new Float32Array(length);
  const step = rate / TELEPHONE_RATE;
  for (let i = 0; i < length; i++) {
    const x = i * step;
    const left = Math.floor(x);
    const a = samples[left] ?? 0;
    const b = samples[Math.min(samples.length - 1, left + 1)] ?? a;
    out[i] = a + (b - a) * (x - left);
  }
  return out;
}

function encode(samples: Float32Array): Buffer {
  return monoPcmWav(TELEPHONE_RATE, samples.length, (i) => {
    const v = Math.max(-1, Math.min(1, samples[i] ?? 0));
    return Math.round(v < 0 ? v * 0x8000 : v * 0x7fff);
  });
}

/** The recording as mono 16-bit 8 kHz PCM WAV, or null when it is not a PCM WAV we can read. */
export function toTelephoneWav(wav: Buffer): Buffer | null {
  const pcm = readPcm(wav);
  if (!pcm || pcm.rate < 8000 || pcm.rate > 48000) return null;
  const mono = monoSamples(pcm);
  if (!mono || mono.length === 0) return null;
  return encode(resample(mono, pcm.rate));
}
