import { useEffect, useState } from 'react';
import type { TCounsellorView, TStateSnapshot } from '../../../../../src/contracts/realtime';
import { useRealtimeEvent } from '../../../shared/realtime/use-realtime';

/**
 * Every counsellor a supervisor can see. The shared store only updates counsellors that were in
 * the last snapshot (a counsellor's own view must not collect colleagues), so counsellors who
 * come online after it are kept here until the next snapshot lists them.
 */
export function useLiveCounsellors(snapshot: TStateSnapshot | null): TCounsellorView[] {
  const base = snapshot?.counsellors ?? [];
  const [joined, setJoined] = useState<Map<string, TCounsellorView>>(new Map());
  useEffect(() => setJoined(new Map()), [snapshot?.serverTime]);
  useRealtimeEvent('presence:updated', (c) => {
    if (!base.some((b) => b.userId === c.userId)) setJoined((m) => new Map(m).set(c.userId, c));
  });
  return [...base, ...[...joined.values()].filter((j) => !base.some((b) => b.userId === j.userId))];
}
