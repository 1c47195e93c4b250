import type { TChatFigures, TCounsellorState, THotlineFigures } from '../../contracts/realtime';
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

export type TChatTally = {
  hotline: string;
  waiting: number;
  oldestWaitingSince: Date | null;
  active: number;
  /** Chats answered since the period began, and the sum of their first-response times. */
  firstResponses: number;
  firstResponseSumS: number;
};

/** Chat figures from raw tallies: first response time is the average over chats answered. */
export function chatFigures(t: TChatTally): TChatFigures {
  return {
    hotline: t.hotline,
    waiting: t.waiting,
    oldestWaitingSince: t.oldestWaitingSince?.toISOString() ?? null,
    active: t.active,
    averageFirstResponseS: ratio(t.firstResponseSumS, t.firstResponses),
  };
}
