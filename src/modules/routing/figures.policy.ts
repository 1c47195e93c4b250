import type { TCounsellorState, THotlineFigures } from '../../contracts/realtime';
import { counsellorStates } from '../../contracts/realtime';

export type THotlineTally = {
  hotline: string;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  leftInMenu: number;
  answeredWithin20s: number;
  speedOfAnswerSumS: number;
  handleSumS: number;
  handled: number;
};

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/**
 * Supervisor figures from raw tallies. Service level counts short abandons (under 5 s) neither
 * as answered nor as lost: a caller who hangs up at once was never really waiting.
 */
export function hotlineFigures(t: THotlineTally): THotlineFigures {
  return {
    hotline: t.hotline,
    offered: t.offered,
    answered: t.answered,
    abandoned: t.abandoned,
    shortAbandoned: t.shortAbandoned,
    leftInMenu: t.leftInMenu,
    serviceLevel: ratio(t.answeredWithin20s, t.answered + t.abandoned - t.shortAbandoned),
    averageSpeedOfAnswerS: ratio(t.speedOfAnswerSumS, t.answered),
    averageHandleTimeS: ratio(t.handleSumS, t.handled),
  };
}

export function countByState(states: readonly TCounsellorState[]) {
  const counts = Object.fromEntries(counsellorStates.map((s) => [s, 0])) as Record<
    TCounsellorState,
    number
  >;
  for (const s of states) counts[s] += 1;
  return counts;
}

/** Busy (on a call or wrapping up) over everyone who could take calls right now. */
export function occupancy(counts: Record<TCounsellorState, number>): number | null {
  const busy = counts.on_call + counts.wrap_up;
  return ratio(busy, busy + counts.available + counts.offered);
}
