import type { TPromptSlot } from '../../prompts/prompt-readiness.policy';

export type TRecordingSlot = { hotline: string; language: string; prompt: string };

/**
 * What the line walks through, in order: each hotline's prompts still on their placeholder,
 * without those already recorded and waiting for approval (they are not asked for twice).
 */
export function slotsToRecord(
  missing: ReadonlyArray<{ hotline: string; missing: readonly TPromptSlot[] }>,
  awaiting: readonly TRecordingSlot[],
): TRecordingSlot[] {
  const waiting = new Set(awaiting.map((a) => `${a.hotline}/${a.language}/${a.prompt}`));
  return missing.flatMap((h) =>
    h.missing
      .map((m) => ({ hotline: h.hotline, language: m.language, prompt: m.prompt as string }))
      .filter((s) => !waiting.has(`${s.hotline}/${s.language}/${s.prompt}`)),
  );
}

/** The caller's choice after listening back. */
export function reviewChoice(digits: string | undefined): 'keep' | 'again' | 'skip' {
  return digits === '1' ? 'keep' : digits === '2' ? 'again' : 'skip';
}
