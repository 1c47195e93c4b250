import type { TQueueCount, TQueueView } from '../../contracts/realtime';

/**
 * A hotline's queue as the desks serving it in `languages` see it: one count per language, zero
 * for a language nobody waits in (the view leaves it out) and for a hotline with no view yet
 * (nobody ever queued there).
 */
export function queueCounts(
  hotline: string,
  view: TQueueView | undefined,
  languages: readonly string[],
  now: number,
): TQueueCount[] {
  return languages.map((language) => {
    const line = view?.byLanguage.find((l) => l.language === language);
    return line && line.waiting > 0
      ? { hotline, language, waiting: line.waiting, oldestAt: now - line.longestWaitMs }
      : { hotline, language, waiting: 0, oldestAt: null };
  });
}
