/** What Twilio's <Play> takes well, and so what a prompt may be stored as. */
const ALLOWED_TYPES = ['audio/wav', 'audio/x-wav', 'audio/mpeg'] as const;
export type TPromptContentType = (typeof ALLOWED_TYPES)[number];
export function isPromptContentType(value: string): value is TPromptContentType {
  return (ALLOWED_TYPES as readonly string[]).includes(value);
}

/** Largest prompt accepted: two minutes of 8 kHz 16-bit mono WAV is under 2 MB. */
export const MAX_PROMPT_BYTES = 2 * 1024 * 1024;

// WAV encodings Twilio plays: PCM, A-law, µ-law.
const WAV_FORMATS = new Set([1, 6, 7]);

/**
 * A WAV whose chunks hold together: a `fmt ` chunk with a playable format whose numbers agree
 * with each other, then a non-empty `data` chunk that fits in the file.
 */
function isPlayableWav(audio: Buffer): boolean {
  if (audio.length < 44) return false;
  if (audio.toString('ascii', 0, 4) !== 'RIFF' || audio.toString('ascii', 8, 12) !== 'WAVE')
    return false;
  let fmtOk = false;
  for (let at = 12; at + 8 <= audio.length;) {
    const id = audio.toString('ascii', at, at + 4);
    const size = audio.readUInt32LE(at + 4);
    const body = at + 8;
    if (body + size > audio.length) return false;
    if (id === 'fmt ') {
      if (size < 16) return false;
      const format = audio.readUInt16LE(body);
      const channels = audio.readUInt16LE(body + 2);
      const sampleRate = audio.readUInt32LE(body + 4);
      const byteRate = audio.readUInt32LE(body + 8);
      const blockAlign = audio.readUInt16LE(body + 12);
      const bits = audio.readUInt16LE(body + 14);
      fmtOk =
        WAV_FORMATS.has(format) &&
        (channels === 1 || channels === 2) &&
        sampleRate >= 8000 &&
        sampleRate <= 48000 &&
        (bits === 8 || bits === 16) &&
        blockAlign === (channels * bits) / 8 &&
        byteRate === sampleRate * blockAlign;
      if (!fmtOk) return false;
    }
    if (id === 'data') return fmtOk && size > 0;
    at = body + size + (size % 2);
  }
  return false;
}

const MP3_BITRATES = {
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MP3_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG 1
  2: [22050, 24000, 16000], // MPEG 2
  0: [11025, 12000, 8000], // MPEG 2.5
};

/** The length of the MPEG audio layer III frame whose header starts at `at`, or null. */
function mp3FrameLength(audio: Buffer, at: number): number | null {
  if (at + 4 > audio.length) return null;
  const b1 = audio[at + 1] ?? 0;
  const b2 = audio[at + 2] ?? 0;
  if (audio[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  if (version === 1 || layer !== 1) return null; // reserved version; layer III only
  const kbps = (version === 3 ? MP3_BITRATES.v1 : MP3_BITRATES.v2)[b2 >> 4];
  const rate = MP3_RATES[version]?.[(b2 >> 2) & 3];
  if (!kbps || !rate) return null;
  const padding = (b2 >> 1) & 1;
  return Math.floor(((version === 3 ? 144000 : 72000) * kbps) / rate) + padding;
}

/** An MP3: an optional ID3v2 tag, then frames whose headers follow one another. */
function isPlayableMp3(audio: Buffer): boolean {
  let at = 0;
  if (audio.toString('latin1', 0, 3) === 'ID3') {
    if (audio.length < 10) return false;
    const syncsafe = [6, 7, 8, 9].map((i) => (audio[i] ?? 0) & 0x7f);
    const [a = 0, b = 0, c = 0, d = 0] = syncsafe;
    const footer = ((audio[5] ?? 0) & 0x10) !== 0;
    at = 10 + ((a << 21) | (b << 14) | (c << 7) | d) + (footer ? 10 : 0);
  }
  // Two frames in a row (or one that ends the file) tell audio from bytes that happen to sync.
  const first = mp3FrameLength(audio, at);
  if (!first || at + first > audio.length) return false;
  const next = at + first;
  return next === audio.length || mp3FrameLength(audio, next) !== null;
}

/** Parses the audio enough to know a caller will hear it, not only its first bytes. */
export function isPlausibleAudio(contentType: TPromptContentType, audio: Buffer): boolean {
  if (audio.length < 16 || audio.length > MAX_PROMPT_BYTES) return false;
  return contentType === 'audio/mpeg' ? isPlayableMp3(audio) : isPlayableWav(audio);
}
