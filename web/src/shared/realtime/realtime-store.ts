import type {
  TCounsellorView,
  TOfferView,
  TQueueCount,
  TQueueView,
  TStateSnapshot,
} from '../../../../src/contracts/realtime';

export type TConnection = 'connecting' | 'online' | 'reconnecting';
export type TRealtimeState = { connection: TConnection; snapshot: TStateSnapshot | null };

/** Pure reducers: the view is the last snapshot plus the live events that arrived after it. */
export function withCounsellor(
  s: TStateSnapshot,
  c: TCounsellorView,
  selfId: string | null,
): TStateSnapshot {
  const others = s.counsellors.filter((x) => x.userId !== c.userId);
  const known = others.length !== s.counsellors.length;
  return {
    ...s,
    // An offline counsellor's snapshot has no `me` yet: their first update creates it.
    me: c.userId === selfId || s.me?.userId === c.userId ? c : s.me,
    counsellors: known ? [...others, c] : s.counsellors,
  };
}

/**
 * A broadcast of my state that is no longer `offered` (accepted, rejected, timed out, caller
 * gone): the offer is settled and its banner must go. The server sends a counsellor's events in
 * order, so a later offer's `offered` update always follows this one.
 */
export function withoutSettledOffer(s: TStateSnapshot): TStateSnapshot {
  return s.offer && s.me && s.me.state !== 'offered' ? { ...s, offer: null } : s;
}

export function withOffer(s: TStateSnapshot, offer: TOfferView | null): TStateSnapshot {
  return { ...s, offer };
}

export function withoutOffer(s: TStateSnapshot, offerId: string): TStateSnapshot {
  return s.offer?.offerId === offerId ? { ...s, offer: null } : s;
}

/**
 * A supervisor's detailed queue (`queue:updated`, sent as `now` on the server's clock): the
 * wallboard's view of it and, should she sit at a desk, the desk's counts of that hotline.
 */
export function withQueue(s: TStateSnapshot, q: TQueueView, now: number): TStateSnapshot {
  const rest = s.queues.filter((x) => x.hotline !== q.hotline);
  return {
    ...s,
    queues: [...rest, q].sort((a, b) => a.hotline.localeCompare(b.hotline)),
    counts: s.counts.map((c) => {
      if (c.hotline !== q.hotline) return c;
      const line = q.byLanguage.find((l) => l.language === c.language);
      return line && line.waiting > 0
        ? { ...c, waiting: line.waiting, oldestAt: now - line.longestWaitMs }
        : { ...c, waiting: 0, oldestAt: null };
    }),
  };
}

/** A desk's count of one hotline and language (`queue:counts`): it replaces the one shown. */
export function withCount(s: TStateSnapshot, count: TQueueCount): TStateSnapshot {
  const same = (c: TQueueCount) => c.hotline === count.hotline && c.language === count.language;
  if (!s.counts.some(same)) return s;
  return { ...s, counts: s.counts.map((c) => (same(c) ? count : c)) };
}

/** Server clock minus ours, so countdowns agree with the server's deadlines. */
export function clockSkewMs(snapshot: TStateSnapshot, receivedAt: number): number {
  return snapshot.serverTime - receivedAt;
}
