/**
 * What Twilio plays well and our upload check accepts: mono, 16-bit PCM WAV at telephone rate.
 * Pure, so it is unit-tested without a browser.
 */
export const TELEPHONE_RATE = 8000;

/** A mono 16-bit PCM WAV of `samples` (each in [-1, 1]) at `rate` samples per second. */
export function encodeWav(samples: Float32Array, rate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i += 1) view.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i += 1) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    view.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return bytes;
}

/**
 * A browser recording (webm/ogg, whatever MediaRecorder made) as telephone WAV: decoded, mixed
 * to mono and resampled by the browser's own audio engine.
 */
export async function toTelephoneWav(recording: Blob): Promise<Uint8Array> {
  const decoder = new AudioContext();
  try {
    const decoded = await decoder.decodeAudioData(await recording.arrayBuffer());
    const frames = Math.max(1, Math.ceil(decoded.duration * TELEPHONE_RATE));
    const offline = new OfflineAudioContext(1, frames, TELEPHONE_RATE);
    const source = offline.createBufferSource();
    source.buffer = decoded;
    source.connect(offline.destination);
    source.start();
    const rendered = await offline.startRendering();
    return encodeWav(rendered.getChannelData(0), TELEPHONE_RATE);
  } finally {
    void decoder.close();
  }
}
