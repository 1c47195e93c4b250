import type { TPromptContentType } from './prompts.repository';

/** Largest prompt accepted: two minutes of 8 kHz 16-bit mono WAV is under 2 MB. */
export const MAX_PROMPT_BYTES = 2 * 1024 * 1024;

/** Checks the bytes look like the audio type claimed, so a caller never hears a broken file. */
export function isPlausibleAudio(contentType: TPromptContentType, audio: Buffer): boolean {
  if (audio.length < 16 || audio.length > MAX_PROMPT_BYTES) return false;
  if (contentType === 'audio/mpeg')
    return (
      audio.toString('latin1', 0, 3) === 'ID3' ||
      (audio[0] === 0xff && ((audio[1] ?? 0) & 0xe0) === 0xe0)
    );
  return audio.toString('ascii', 0, 4) === 'RIFF' && audio.toString('ascii', 8, 12) === 'WAVE';
}
